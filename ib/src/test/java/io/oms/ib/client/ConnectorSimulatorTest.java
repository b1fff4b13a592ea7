package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.ErrorMessage;
import io.oms.ib.msg.ExecutionFilter;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.ServerMessages;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** IbConnector against GatewaySimulator over a real loopback socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConnectorSimulatorTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String ACCT = "DU1234567";

    GatewaySimulator sim;
    IbConnector connector;
    RecordingListener events = new RecordingListener();
    OrderIdStore store = OrderIdStore.inMemory();

    @BeforeEach
    void startSimulator() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withVolatilityBps(BigDecimal.ZERO)
                .withSliceDelay(Duration.ofMillis(20)));
        sim.start();
    }

    @AfterEach
    void stop() {
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    IbConnector connect(int clientId) throws InterruptedException {
        IbConnectionConfig cfg = IbConnectionConfig.of("test", "127.0.0.1", sim.port(), clientId)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        IbConnector c = new IbConnector(cfg, store, events);
        c.start();
        assertThat(c.awaitReady(WAIT)).as("session ready").isTrue();
        return c;
    }

    static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test
    void connectLearnsManagedAccountsAndNextValidId() throws Exception {
        connector = connect(7);
        assertThat(connector.managedAccounts()).containsExactly(ACCT);
        assertThat(events.ready).hasSize(1);
        assertThat(events.ready.get(0).nextValidId()).isEqualTo(1);
        assertThat(events.ready.get(0).serverVersion()).isEqualTo(195);
        assertThat(connector.requestCurrentTime().get(5, TimeUnit.SECONDS)).isNotNull();
        Await.until(WAIT, "farm status notices", () -> events.errors.stream().anyMatch(e -> e.code() == 2104));
        assertThat(events.threads).allMatch(t -> t.startsWith("ib-dispatch-"));
    }

    @Test
    void largeMarketOrderFillsInSlicesWithExecutionsAndCommissions() throws Exception {
        connector = connect(7);
        PlaceAck ack = connector.placeOrder(OrderSpec.market("ord-mkt", ACCT, "AAPL", "BUY", d("250"))).get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).isFalse();
        assertThat(ack.permId()).isGreaterThanOrEqualTo(1_000_001L);
        Await.until(WAIT, "three fills and commissions", () -> events.executionsOf(ack.orderId()).size() == 3
                && events.commissions.size() == 3 && events.statusesOf(ack.orderId()).contains("Filled"));
        List<ExecutionEvent> fills = events.executionsOf(ack.orderId());
        assertThat(fills).extracting(ExecutionEvent::shares).containsExactly(d("100"), d("100"), d("50"));
        assertThat(fills).extracting(ExecutionEvent::cumQty).containsExactly(d("100"), d("200"), d("250"));
        assertThat(fills).allSatisfy(f -> {
            assertThat(f.orderRef()).isEqualTo("ord-mkt");
            assertThat(f.side()).isEqualTo("BOT");
            assertThat(f.price()).isEqualByComparingTo("190.01"); // ask = mid + 0.01
            assertThat(f.time()).isNotNull();
        });
        assertThat(events.statuses.stream().filter(s -> s.orderId() == ack.orderId()).toList())
                .allMatch(s -> "ord-mkt".equals(s.orderRef()));
        assertThat(connector.findByOrderRef("ord-mkt")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo("Filled"));
        assertThat(sim.executions()).hasSize(3);
        List<PositionEvent> positions = connector.requestPositions().get(5, TimeUnit.SECONDS);
        assertThat(positions).singleElement().satisfies(p -> assertThat(p.position()).isEqualByComparingTo("250"));
    }

    @Test
    void restingLimitFillsWhenMarketCrosses() throws Exception {
        connector = connect(7);
        PlaceAck ack = connector.placeOrder(OrderSpec.limit("ord-lmt", ACCT, "AAPL", "BUY", d("10"), d("150"), "GTC"))
                .get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).isFalse();
        Thread.sleep(200);
        assertThat(events.executionsOf(ack.orderId())).isEmpty();
        assertThat(connector.requestOpenOrders().get(5, TimeUnit.SECONDS))
                .anySatisfy(o -> assertThat(o.orderRef()).isEqualTo("ord-lmt"));
        sim.setPrice("AAPL", d("149.50"));
        Await.until(WAIT, "limit fill", () -> events.statusesOf(ack.orderId()).contains("Filled"));
        assertThat(events.executionsOf(ack.orderId())).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualByComparingTo("149.51"));
    }

    @Test
    void cancelProducesPendingCancelThenCancelledAnd202() throws Exception {
        connector = connect(7);
        PlaceAck ack = connector.placeOrder(OrderSpec.limit("ord-cxl", ACCT, "AAPL", "SELL", d("5"), d("500"), "DAY"))
                .get(5, TimeUnit.SECONDS);
        connector.cancelOrder(ack.orderId()).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "cancel confirmation", () -> events.errors.stream().anyMatch(e -> e.code() == 202));
        assertThat(events.statusesOf(ack.orderId())).containsSubsequence("Submitted", "PendingCancel", "Cancelled");
        assertThat(events.errors).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo(202);
            assertThat(e.orderRef()).isEqualTo("ord-cxl");
        });
        connector.cancelOrder(9999).get(5, TimeUnit.SECONDS);
        Await.until(WAIT, "10147", () -> events.errors.stream().anyMatch(e -> e.code() == 10147 && e.id() == 9999));
    }

    @Test
    void rejectSymbolYieldsRejectedAckWith201() throws Exception {
        connector = connect(7);
        PlaceAck ack = connector.placeOrder(OrderSpec.market("ord-rej", ACCT, "REJECT", "BUY", d("1"))).get(5, TimeUnit.SECONDS);
        assertThat(ack.rejected()).isTrue();
        assertThat(ack.errorCode()).isEqualTo(201);
        assertThat(connector.findByOrderRef("ord-rej")).hasValueSatisfying(a -> assertThat(a.rejected()).isTrue());
        Await.until(WAIT, "Inactive status", () -> events.statusesOf(ack.orderId()).contains("Inactive"));
    }

    @Test
    void placingFailsFastWhenNotConnected() {
        IbConnector idle = new IbConnector(IbConnectionConfig.of("idle", "127.0.0.1", sim.port(), 9), store, events);
        try {
            assertThat(idle.placeOrder(OrderSpec.market("x", ACCT, "AAPL", "BUY", d("1"))))
                    .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(IbNotConnectedException.class);
        } finally {
            idle.close();
        }
    }

    @Test
    void reusedOrderIdIsRejectedWith103() throws Exception {
        IbConnectionConfig cfg = IbConnectionConfig.of("raw", "127.0.0.1", sim.port(), 11);
        try (IbSession s = IbSession.open(cfg, IbClientOptions.defaults())) {
            PlaceOrder order = new PlaceOrder(5, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("1"), "MKT", null, null,
                    "DAY", null, "raw-1", true, false, null, null, null);
            s.send(order);
            s.send(new PlaceOrder(3, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("1"), "MKT", null, null, "DAY",
                    null, "raw-2", true, false, null, null, null));
            ErrorMessage dup = null;
            for (int i = 0; i < 200 && dup == null; i++) {
                var m = ServerMessages.decode(s.read(), s.serverVersion).orElse(null);
                if (m instanceof ErrorMessage e && e.code() == 103) dup = e;
            }
            assertThat(dup).isNotNull();
            assertThat(dup.id()).isEqualTo(3);
        }
    }

    @Test
    void secondConnectionWithSameClientIdGets326() throws Exception {
        connector = connect(7);
        IbConnectionConfig cfg = IbConnectionConfig.of("dup", "127.0.0.1", sim.port(), 7);
        try (IbSession s = IbSession.open(cfg, IbClientOptions.defaults())) {
            ErrorMessage err = null;
            for (int i = 0; i < 20 && err == null; i++) {
                if (ServerMessages.decode(s.read(), s.serverVersion).orElse(null) instanceof ErrorMessage e) err = e;
            }
            assertThat(err).isNotNull();
            assertThat(err.code()).isEqualTo(326);
        }
        assertThat(connector.isReady()).isTrue();
    }

    @Test
    void orderIdsNeverGoBackwardsAcrossReconnectAndGatewayReset() throws Exception {
        connector = connect(7);
        int first = connector.placeOrder(OrderSpec.market("a", ACCT, "AAPL", "BUY", d("1"))).get(5, TimeUnit.SECONDS).orderId();
        sim.dropConnections();
        Await.until(WAIT, "reconnect", () -> events.ready.size() == 2 && connector.isReady());
        int second = connector.placeOrder(OrderSpec.market("b", ACCT, "AAPL", "BUY", d("1"))).get(5, TimeUnit.SECONDS).orderId();
        assertThat(second).isGreaterThan(first);
        connector.close();
        sim.close();
        // A fresh gateway (reset id sequence) says nextValidId = 1; the stored high-water mark wins.
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0));
        sim.start();
        connector = connect(7);
        assertThat(events.ready.get(events.ready.size() - 1).nextValidId()).isEqualTo(1);
        int third = connector.placeOrder(OrderSpec.market("c", ACCT, "AAPL", "BUY", d("1"))).get(5, TimeUnit.SECONDS).orderId();
        assertThat(third).isGreaterThan(second);
        assertThat(store.loadHighWater("test")).isEqualTo(third);
    }

    @Test
    void fillsMadeWhileDisconnectedAreDeliveredOnceAfterReconnect() throws Exception {
        connector = connect(7);
        PlaceAck ack = connector.placeOrder(OrderSpec.limit("ord-away", ACCT, "AAPL", "BUY", d("10"), d("150"), "GTC"))
                .get(5, TimeUnit.SECONDS);
        sim.dropConnections();
        sim.setPrice("AAPL", d("149")); // fills on the simulator's engine thread before any reconnect is admitted
        assertThat(sim.executions()).hasSize(1);
        Await.until(WAIT, "recovered fill", () -> events.executionsOf(ack.orderId()).size() == 1 && events.commissions.size() == 1);
        int readyAfterDrop = events.journal.lastIndexOf("ready");
        assertThat(events.journal.indexOf("lost")).isLessThan(readyAfterDrop);
        assertThat(events.journal.indexOf("exec:" + ack.orderId() + ":" + sim.executions().get(0).execId()))
                .isGreaterThan(readyAfterDrop);
        assertThat(events.executionsOf(ack.orderId()).get(0).orderRef()).isEqualTo("ord-away");
        // A further reconnect replays the day again; the listener must still see the fill only once.
        sim.dropConnections();
        Await.until(WAIT, "third session", () -> events.ready.size() == 3 && connector.isReady());
        List<ExecutionEvent> replay = connector.requestExecutions(ExecutionFilter.forClient(7)).get(5, TimeUnit.SECONDS);
        assertThat(replay).hasSize(1);
        assertThat(events.executionsOf(ack.orderId())).hasSize(1);
        assertThat(events.commissions).hasSize(1);
    }
}
