package io.oms.server;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.infra.db.DatabaseCreator;
import io.oms.infra.temporal.EmbeddedTemporalServer;
import io.oms.server.bench.ConnectorBench;
import io.oms.server.bench.LifecycleBench;
import io.oms.server.bench.ReadBench;
import io.oms.server.bench.ReconcileBench;
import io.oms.server.bench.RiskBench;
import io.oms.server.bench.TemporalFloorBench;
import io.oms.server.bench.WebhookBench;
import io.oms.server.bench.OrderBench;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;

/**
 * The one executable. The first argument picks the role: {@code dev} (every role in one process on
 * embedded defaults), {@code api}, {@code worker}, {@code simulator}, {@code temporal} or {@code bench}.
 */
public final class OmsMain {
    private OmsMain() {}

    public static void main(String[] args) throws Exception {
        String role = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (role) {
            case "dev" -> runSpring(rest, true, true, true);
            case "api" -> runSpring(rest, true, false, false);
            case "worker" -> runSpring(rest, false, true, false);
            case "simulator" -> GatewaySimulator.main(rest);
            case "temporal" -> runTemporal();
            case "bench" -> System.exit(rest.length > 0 && "connector".equals(rest[0])
                    ? ConnectorBench.run(Arrays.copyOfRange(rest, 1, rest.length), System.out)
                    : rest.length > 0 && "lifecycle".equals(rest[0])
                    ? LifecycleBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : rest.length > 0 && "read".equals(rest[0])
                    ? ReadBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : rest.length > 0 && "reconcile".equals(rest[0])
                    ? ReconcileBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : rest.length > 0 && "webhooks".equals(rest[0])
                    ? WebhookBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : rest.length > 0 && "temporal".equals(rest[0])
                    ? TemporalFloorBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : rest.length > 0 && "risk".equals(rest[0])
                    ? RiskBench.run(Arrays.copyOfRange(rest, 1, rest.length))
                    : OrderBench.run(rest));
            default -> {
                System.err.println("usage: oms dev|api|worker|simulator|temporal|bench [options]");
                System.exit("help".equals(role) ? 0 : 2);
            }
        }
    }

    private static void runSpring(String[] args, boolean api, boolean worker, boolean dev) {
        System.setProperty("oms.roles.api", String.valueOf(api));
        System.setProperty("oms.roles.worker", String.valueOf(worker));
        System.setProperty("oms.roles.dev", String.valueOf(dev));
        if (dev && System.getenv("OMS_RISK_MARKET_HOURS") == null) {
            System.setProperty("oms.risk.market-hours", "off"); // the simulator trades around the clock
        }
        String target = System.getenv("OMS_TEMPORAL_TARGET");
        System.setProperty("oms.temporal.embedded", String.valueOf(dev && (target == null || target.isBlank())));
        if (dev && System.getenv("OMS_IB_MESSAGES_PER_SECOND") == null) {
            // The simulator does not enforce IB's 50 messages/s, so dev paces far above it; a real session must not.
            System.setProperty("oms.broker.messages-per-second", "2000");
        }
        if (System.getenv("SERVER_PORT") == null && System.getProperty("server.port") == null) {
            System.setProperty("server.port", api ? "8080" : "8081");
        }
        DatabaseCreator.ensureDatabase(env("OMS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/oms"),
                env("OMS_DB_USER", "postgres"), env("OMS_DB_PASSWORD", ""));
        SpringApplication.run(OmsApplication.class, args);
    }

    private static void runTemporal() throws InterruptedException {
        int port = Integer.parseInt(env("OMS_TEMPORAL_PORT", "7233"));
        EmbeddedTemporalServer server = EmbeddedTemporalServer.start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("Temporal test server listening on 127.0.0.1:" + port + " (in-memory)");
        new CountDownLatch(1).await();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
