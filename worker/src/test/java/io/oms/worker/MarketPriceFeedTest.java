package io.oms.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.ib.client.OrderIdStore;
import io.oms.ib.msg.ReqMktData;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.InstrumentRow;
import io.oms.infra.persistence.MarketPriceRepository;
import io.oms.infra.persistence.MarketPriceRepository.MarketPrice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The last-price feed against the simulator over a real socket (the database replaced by recording stand-ins):
 * it subscribes every instrument once the session is ready, and writes last trade prices in batches.
 */
@Timeout(60)
class MarketPriceFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<List<MarketPrice>> batches = new CopyOnWriteArrayList<>();
    private final Map<String, BigDecimal> written = new ConcurrentHashMap<>();
    private GatewaySimulator sim;
    private IbConnector connector;
    private MarketPriceFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) feed.close();
        if (connector != null) connector.close();
        if (sim != null) sim.close();
    }

    @Test
    void subscribesEveryInstrumentWhenTheSessionIsReadyAndWritesTheirLastPrices() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
        sim.setPrice("AAPL", new BigDecimal("190.00"));
        sim.setPrice("MSFT", new BigDecimal("410.00"));
        feed = new MarketPriceFeed(instruments("AAPL", "MSFT"), recordingPrices(), Clock.systemUTC());
        connector = new IbConnector(IbConnectionConfig.of("feed", "127.0.0.1", sim.port(), 9), OrderIdStore.inMemory(), feed);
        feed.attach(connector);
        connector.start();

        awaitUntil(() -> written.containsKey("AAPL") && written.containsKey("MSFT"));

        assertThat(connector.marketDataSubscriptions()).extracting(ReqMktData::symbol).containsExactlyInAnyOrder("AAPL", "MSFT");
        assertThat(written.get("AAPL")).isBetween(new BigDecimal("189"), new BigDecimal("191"));
        assertThat(written.get("MSFT")).isBetween(new BigDecimal("409"), new BigDecimal("411"));
        assertThat(batches).allSatisfy(b -> assertThat(b).extracting(MarketPrice::symbol).doesNotHaveDuplicates());
    }

    @Test
    void aNewSessionSubscribesOnlyInstrumentsNotAlreadySubscribed() throws Exception {
        sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withTickInterval(Duration.ZERO));
        sim.start();
        feed = new MarketPriceFeed(instruments("AAPL"), recordingPrices(), Clock.systemUTC());
        connector = new IbConnector(IbConnectionConfig.of("feed", "127.0.0.1", sim.port(), 9), OrderIdStore.inMemory(), feed);
        feed.attach(connector);
        connector.start();
        awaitUntil(() -> written.containsKey("AAPL"));

        feed.subscribeAll(); // as after a reconnect: the connector re-sends what it has, nothing is added twice

        assertThat(connector.marketDataSubscriptions()).hasSize(1);
    }

    private void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private MarketPriceRepository recordingPrices() {
        return new MarketPriceRepository(null) {
            @Override
            public void upsertAll(Collection<MarketPrice> prices) {
                batches.add(List.copyOf(prices));
                prices.forEach(p -> written.put(p.symbol(), p.price()));
            }
        };
    }

    private static InstrumentRepository instruments(String... symbols) {
        return new InstrumentRepository(null) {
            @Override
            public List<InstrumentRow> listAll() {
                return java.util.Arrays.stream(symbols).map(s -> new InstrumentRow(UUID.randomUUID(), s, "STK", "SMART",
                        "NASDAQ", "USD", new BigDecimal("0.01"), null)).toList();
            }
        };
    }
}
