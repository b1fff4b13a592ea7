package io.oms.server.e2e;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.infra.db.DatabaseCreator;
import io.oms.server.OmsApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole system in one process on real parts: PostgreSQL, the Temporal test server bound to a port and
 * reached over gRPC, and the IB simulator reached over a TCP socket through the real connector. Every
 * end-to-end test class shares one application context (same configuration). The simulator's clock is a
 * manual one (set in the static block below): its auctions and DAY/GTD expiries run only when a test moves it.
 */
@SpringBootTest(classes = OmsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EndToEndTest {
    protected static final String ACCOUNT = "DU1234567";
    protected static final String KEY = "oms_e2etest1_e2eKeyForTheDemoTenant0000000000";
    /** The bootstrap administrator user (system admin, ADMIN of the demo tenant). */
    protected static final String ADMIN_EMAIL = "admin@oms.example";
    protected static final String ADMIN_PASSWORD = "E2e-Root-Passphrase-7";
    /** Rebuilt for every test run (a run never sees an earlier run's rows); OMS_E2E_DB_URL names another one. */
    private static final String DB_URL = env("OMS_E2E_DB_URL", "jdbc:postgresql://127.0.0.1:5432/oms_e2e");
    private static final int TEMPORAL_PORT = FreePorts.next();
    private static final int SIMULATOR_PORT = FreePorts.next();
    private static final String SIM_CLOCK_START = "OMS_SIM_CLOCK_START";

    static {
        DatabaseCreator.recreateDatabase(DB_URL, "postgres", "");
        // The simulator runs on a manual clock starting now: auctions, DAY and GTD expiry happen when a test moves
        // it (simulator.setClock/advanceClock), never because the wall clock crossed 16:00 ET during a run.
        if (System.getProperty(SIM_CLOCK_START) == null) {
            System.setProperty(SIM_CLOCK_START, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @DynamicPropertySource
    static void system(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DB_URL);
        registry.add("oms.roles.api", () -> "true");
        registry.add("oms.roles.worker", () -> "true");
        registry.add("oms.roles.dev", () -> "true");
        registry.add("oms.temporal.embedded", () -> "true");
        registry.add("oms.temporal.embedded-port", () -> TEMPORAL_PORT);
        registry.add("oms.simulator.embedded", () -> "true");
        registry.add("oms.broker.port", () -> SIMULATOR_PORT);
        registry.add("oms.broker.messages-per-second", () -> "2000");
        // The simulator trades around the clock (as in oms dev); MARKET_CLOSED is tested on fixed clocks instead.
        registry.add("oms.risk.market-hours", () -> "off");
        registry.add("oms.seed-demo", () -> "true");
        registry.add("oms.bootstrap-api-key", () -> KEY);
        // Loopback is a trusted proxy, so a test can speak for other client addresses with X-Forwarded-For (requests
        // without it are still 127.0.0.1); the anonymous bucket of 127.0.0.1 is shared by every test of the run.
        registry.add("oms.audit.trusted-proxies", () -> "127.0.0.1");
        registry.add("oms.api.rate-limit.anonymous-capacity", () -> "100");
        registry.add("oms.api.rate-limit.anonymous-refill-per-minute", () -> "600");
        registry.add("oms.bootstrap-admin-email", () -> ADMIN_EMAIL);
        registry.add("oms.bootstrap-admin-password", () -> ADMIN_PASSWORD);
        // Webhook deliveries retry within a second and give up after four attempts; a receiver that hangs costs 2 s.
        registry.add("oms.webhooks.retry-schedule", () -> "300ms,300ms,300ms");
        registry.add("oms.webhooks.read-timeout", () -> "2s");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected GatewaySimulator simulator;

    protected ApiClient api;

    @BeforeEach
    void connectClient() {
        api = new ApiClient(port, KEY);
        api.await("/actuator/health", r -> "UP".equals(r.body().path("components").path("broker").path("status").asString()),
                Duration.ofSeconds(30));
        awaitAccountsSynced();
    }

    /**
     * Orders are accepted only for SYNCED accounts (the reconciliation gate): every test starts once the demo account's
     * reconciliation after the session (re)connected has succeeded.
     */
    protected void awaitAccountsSynced() {
        AccountSync.await(api, ACCOUNT);
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    protected static String order(String clientOrderId, String symbol, String side, String type, String qty, String limit) {
        return "{\"account\":\"" + ACCOUNT + "\",\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\",\"type\":\"" + type
                + "\",\"qty\":\"" + qty + "\"" + (limit == null ? "" : ",\"limitPrice\":\"" + limit + "\"")
                + ",\"tif\":\"DAY\",\"clientOrderId\":\"" + clientOrderId + "\"}";
    }

    /**
     * True when a simulator order or execution's orderRef is the OMS order {@code clientOrderId}'s (IB echoes the
     * workflow id); orders placed outside the OMS, by hand in TWS, carry none.
     */
    protected static boolean isOurs(String orderRef, String clientOrderId) {
        return orderRef != null && orderRef.endsWith("/" + clientOrderId);
    }

    protected ApiClient.Response awaitState(String orderId, String state) {
        return api.await("/api/v1/orders/" + orderId, r -> state.equals(r.text("state")), Duration.ofSeconds(30));
    }

    @Autowired
    private ApplicationContext context;

    protected ApplicationContext context() {
        return context;
    }

    /** A tenant of the test's own, with an account the simulator does not know (see {@link OwnTenant}). */
    protected OwnTenant ownTenant(String prefix, String name) {
        return OwnTenant.create(prefix, name, context, api);
    }
}
