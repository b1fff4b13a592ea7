package io.oms.ib.sim;

import io.oms.ib.msg.ClientMessage;
import io.oms.ib.msg.PlaceOrder;
import io.oms.ib.msg.PlaceOrderBuilder;
import io.oms.ib.msg.StartApi;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine without sockets: a manual clock, no background ticks, zero slice delay and a frozen market
 * by default, so every call below has done all its work (and recorded every message) when it returns.
 */
final class EngineHarness implements AutoCloseable {
    /** Monday 2 March 2026, 10:00 New York time: inside the session, six hours before the close. */
    static final Instant MONDAY_10AM = Instant.parse("2026-03-02T15:00:00Z");
    static final String ACCT = "DU1234567";

    final ManualClock clock;
    final SimEngine engine;

    EngineHarness() { this(config()); }

    EngineHarness(SimulatorConfig config) {
        this.clock = new ManualClock(MONDAY_10AM);
        this.engine = new SimEngine(config, clock);
    }

    static SimulatorConfig config() {
        return SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO).withSliceDelay(Duration.ZERO)
                .withVolatilityBps(BigDecimal.ZERO);
    }

    static BigDecimal d(String s) { return new BigDecimal(s); }

    static PlaceOrderBuilder order(int id, String symbol) { return PlaceOrder.builder(id, symbol).account(ACCT).orderRef("ref-" + id); }

    RecordingSession connect(int clientId) {
        RecordingSession s = new RecordingSession(clientId);
        send(s, new StartApi(clientId, null));
        s.clear();
        return s;
    }

    void send(RecordingSession s, ClientMessage m) { engine.run(() -> engine.onMessage(s, m)); }

    void place(RecordingSession s, PlaceOrder p) { send(s, p); }

    void setPrice(String symbol, String price) { engine.run(() -> engine.setPrice(symbol, d(price))); }

    void setQuote(String symbol, String bid, String ask, String bidSize, String askSize) {
        engine.run(() -> {
            engine.market.of(symbol).setQuote(d(bid), d(ask), bidSize == null ? null : d(bidSize), askSize == null ? null : d(askSize));
            engine.marketMoved();
        });
    }

    /** Random-walk steps, as GatewaySimulator.stepMarket does. */
    void step(int n) {
        engine.run(() -> {
            for (int i = 0; i < n; i++) {
                if (engine.market.step(clock.instant().getEpochSecond())) engine.marketMoved();
            }
        });
    }

    void advance(Duration d) {
        clock.advance(d);
        engine.run(() -> {
            engine.auctions.onTime();
            engine.matching.crossResting();
        });
    }

    /** The fault API without a socket server (refusing connections needs a started GatewaySimulator). */
    SimFaults faults() { return new SimFaults(null, engine); }

    SimOrderView order(long permId) {
        return engine.call(() -> engine.book.byPermId(permId).view());
    }

    SimOrderView order(int clientId, int orderId) { return engine.call(() -> engine.book.get(clientId, orderId).view()); }

    @Override
    public void close() { engine.thread.shutdownNow(); }
}
