package io.oms.server.multiprocess;

import io.oms.server.e2e.FreePorts;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The system as separate processes, as an operator runs it: {@code oms temporal}, {@code oms simulator},
 * {@code oms api} (which creates, migrates and seeds a fresh database) and one {@code oms worker}, on free loopback
 * ports. The worker can be killed and started again; closing stops every process and drops the database.
 */
final class ProcessCluster implements AutoCloseable {
    static final Duration STARTUP = Duration.ofSeconds(90);
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";

    final String database;
    final int apiPort = FreePorts.next();
    final int simPort = FreePorts.next();
    private final int temporalPort = FreePorts.next();
    private final int workerPort = FreePorts.next();
    private final List<OmsProcess> processes = new ArrayList<>();
    private final Map<String, String> workerEnv = new HashMap<>();
    private OmsProcess worker;

    private ProcessCluster(String databasePrefix) {
        this.database = databasePrefix + Long.toHexString(System.nanoTime());
    }

    /**
     * Starts every role. {@code simulatorEnv} and {@code commonEnv} add to what each needs to find the others
     * ({@code commonEnv} goes to the api and the worker); {@code simulatorPorts} are further ports the simulator
     * must be listening on before the others start.
     */
    static ProcessCluster start(String databasePrefix, String apiKey, Map<String, String> simulatorEnv,
                                Map<String, String> commonEnv, int... simulatorPorts) throws Exception {
        ProcessCluster cluster = new ProcessCluster(databasePrefix);
        try {
            cluster.startAll(apiKey, simulatorEnv, commonEnv, simulatorPorts);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll(String apiKey, Map<String, String> simulatorEnv, Map<String, String> commonEnv,
                          int... simulatorPorts) throws Exception {
        Files.createDirectories(OmsProcess.LOG_DIR);
        for (String role : List.of("temporal", "simulator", "api", "worker")) {
            Files.deleteIfExists(OmsProcess.LOG_DIR.resolve(role + ".log"));
        }
        processes.add(OmsProcess.start("temporal", Map.of("OMS_TEMPORAL_PORT", String.valueOf(temporalPort)))
                .awaitPort(temporalPort, STARTUP));
        Map<String, String> simEnv = new HashMap<>(simulatorEnv);
        simEnv.putAll(Map.of("OMS_SIM_HOST", "127.0.0.1", "OMS_SIM_PORT", String.valueOf(simPort), "OMS_SIM_SEED", "7"));
        OmsProcess simulator = OmsProcess.start("simulator", simEnv).awaitPort(simPort, STARTUP);
        for (int port : simulatorPorts) simulator.awaitPort(port, STARTUP);
        processes.add(simulator);

        Map<String, String> common = new HashMap<>(commonEnv);
        common.putAll(Map.of(
                "OMS_DB_URL", PG + database, "OMS_TEMPORAL_TARGET", "127.0.0.1:" + temporalPort,
                "OMS_IB_HOST", "127.0.0.1", "OMS_IB_PORT", String.valueOf(simPort), "OMS_IB_CLIENT_ID", "1",
                "OMS_IB_ACCOUNT", "DU1234567",
                // the simulator trades around the clock; a run must not depend on the wall clock's session
                "OMS_RISK_MARKET_HOURS", "off"));
        Map<String, String> apiEnv = new HashMap<>(common);
        apiEnv.putAll(Map.of("SERVER_PORT", String.valueOf(apiPort), "OMS_SEED_DEMO", "true",
                "OMS_BOOTSTRAP_API_KEY", apiKey));
        // The api creates, migrates and seeds the database before the worker looks for connection "sim".
        processes.add(OmsProcess.start("api", apiEnv).awaitHttpHealth(apiPort, STARTUP)
                .awaitLog("OMS is starting: tenant 'demo'", STARTUP));
        workerEnv.putAll(common);
        workerEnv.put("SERVER_PORT", String.valueOf(workerPort));
        startWorker();
    }

    /** Starts a worker (the first, or the next after {@link #killWorker}) and waits until it is healthy. */
    void startWorker() {
        worker = OmsProcess.start("worker", workerEnv);
        worker.awaitHttpHealth(workerPort, STARTUP);
    }

    /** SIGKILL: no shutdown hook, no graceful stop; whatever it had in flight is cut off. */
    void killWorker() throws InterruptedException {
        worker.kill();
        worker = null;
    }

    @Override
    public void close() throws Exception {
        if (worker != null) worker.close();
        for (OmsProcess p : processes.reversed()) p.close();
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
