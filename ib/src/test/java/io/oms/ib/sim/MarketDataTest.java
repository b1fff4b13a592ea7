package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.msg.*;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** reqMktData / cancelMktData over a real socket, with the walk stepped by hand (no background ticks). */
@Timeout(30)
class MarketDataTest {
    GatewaySimulator sim;
    SimTestClient client;

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    SimTestClient start(SimulatorConfig cfg) throws Exception {
        sim = new GatewaySimulator(cfg.withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
        client = SimTestClient.connect(sim.port(), 5).awaitReady();
        return client;
    }

    static ReqMktData aapl(int tickerId) {
        return new ReqMktData(tickerId, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", "", false, false);
    }

    List<ServerMessage> ticks(int tickerId) {
        return client.received.stream().filter(m -> switch (m) {
            case TickPrice t -> t.tickerId() == tickerId;
            case TickSize t -> t.tickerId() == tickerId;
            case TickString t -> t.tickerId() == tickerId;
            default -> false;
        }).toList();
    }

    @Test
    void answersTickReqParamsThenMarketDataTypeThenTheCurrentQuote() throws Exception {
        start(SimulatorConfig.defaults().withVolatilityBps(BigDecimal.ZERO));
        client.received.clear();
        client.send(aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
        List<String> lines = client.received.stream().map(RecordingSession::line).toList();
        assertThat(lines).containsExactly("TickReqParams", "MarketDataType", "tickPrice:5:1:189.99", "tickPrice:5:2:190.01",
                "tickPrice:5:4:190.00", "tickSize:5:8:0", "tickString:5:45");
        assertThat(client.of(MarketDataType.class)).containsExactly(new MarketDataType(5, 1));
        assertThat(client.of(TickPrice.class).get(0).size()).isPositive(); // bid size rides on the bid tick
        long epoch = Long.parseLong(client.of(TickString.class).get(0).value());
        assertThat(epoch).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
    }

    @Test
    void ticksFollowTheWalkUntilCancelMktData() throws Exception {
        start(SimulatorConfig.defaults().withVolatilityBps(new BigDecimal("20")));
        client.send(aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
        int initial = ticks(5).size();
        sim.stepMarket(3);
        Waits.until("ticks for three walk steps", () -> client.of(TickString.class).size() == 4); // one trade per step
        assertThat(client.of(TickSize.class)).anySatisfy(t -> assertThat(t.tickType()).isEqualTo(8));
        Quote q = sim.quote("AAPL");
        TickPrice lastBid = client.of(TickPrice.class).stream().filter(t -> t.tickType() == 1).reduce((a, b) -> b).orElseThrow();
        assertThat(lastBid.price()).isEqualByComparingTo(q.bid());
        assertThat(ticks(5).size()).isGreaterThan(initial);
        client.send(new CancelMktData(5));
        Waits.until("the cancel to be processed", () -> sim.marketDataSubscriptions() == 0);
        int after = ticks(5).size();
        sim.stepMarket(3);
        sim.sync();
        Waits.never(Duration.ofMillis(200), "ticks after cancelMktData", () -> ticks(5).size() > after);
    }

    @Test
    void setPriceMovesTheQuoteAndPrintsATrade() throws Exception {
        start(SimulatorConfig.defaults().withVolatilityBps(BigDecimal.ZERO));
        client.send(aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
        sim.setPrice("AAPL", new BigDecimal("191.50"));
        client.await(TickPrice.class, t -> t.tickType() == 4 && t.price().compareTo(new BigDecimal("191.50")) == 0);
        Waits.until("the second last-timestamp tick", () -> client.of(TickString.class).size() == 2);
        client.await(TickSize.class, t -> t.tickType() == 8 && t.size().compareTo(new BigDecimal("100")) == 0); // volume 0 -> 100
    }

    @Test
    void duplicateTickerIdIs102AndTooManyLinesIs101() throws Exception {
        start(SimulatorConfig.defaults().withMaxMarketDataLines(1));
        client.send(aapl(5));
        client.send(aapl(5));
        assertThat(client.awaitError(102).id()).isEqualTo(5);
        client.send(aapl(6));
        assertThat(client.awaitError(101).id()).isEqualTo(6);
    }

    @Test
    void theCloseAuctionPublishesTheClosePrice() throws Exception {
        start(SimulatorConfig.defaults().withVolatilityBps(BigDecimal.ZERO));
        client.send(aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
        sim.runCloseAuction();
        assertThat(client.await(TickPrice.class, t -> t.tickType() == 9).price()).isEqualByComparingTo("190.00");
        assertThat(sim.quote("AAPL").close()).isEqualByComparingTo("190.00");
    }

    @Test
    void aHaltIsAnnouncedWithTickGeneric49() throws Exception {
        start(SimulatorConfig.defaults().withVolatilityBps(BigDecimal.ZERO));
        client.send(aapl(5));
        client.await(TickString.class, t -> t.tickerId() == 5);
        assertThat(client.of(TickGeneric.class)).isEmpty();
        sim.setHalted("AAPL", true);
        assertThat(client.await(TickGeneric.class, t -> t.tickType() == 49).value()).isEqualByComparingTo("1");
        assertThat(sim.quote("AAPL").halted()).isTrue();
        sim.setHalted("AAPL", false);
        client.await(TickGeneric.class, t -> t.tickType() == 49 && t.value().signum() == 0);
    }
}
