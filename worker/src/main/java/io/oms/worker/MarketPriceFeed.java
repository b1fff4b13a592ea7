package io.oms.worker;

import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.MarketDataEvent;
import io.oms.ib.client.SessionInfo;
import io.oms.ib.msg.ReqMktData;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.InstrumentRow;
import io.oms.infra.persistence.MarketPriceRepository;
import io.oms.infra.persistence.MarketPriceRepository.MarketPrice;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last prices for unrealized P&L: subscribes to IB market data for every instrument of the {@code instruments}
 * table once a session is ready (the connector re-sends its subscriptions after reconnects, so only new
 * instruments are added), keeps the latest last-trade tick per symbol in memory, and writes them in one batch
 * at most every {@link #FLUSH_INTERVAL}, so a busy tape costs one write per symbol and interval.
 */
public final class MarketPriceFeed implements IbEventListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketPriceFeed.class);
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);
    /** IB tick types carrying the last trade price: 4 live, 68 delayed. */
    private static final Set<Integer> LAST_PRICE_TICKS = Set.of(4, 68);
    /** Far above order ids and the connector's request ids, so IB's per-id errors are never mistaken for them. */
    private static final int FIRST_TICKER_ID = 1_900_000_000;

    private final InstrumentRepository instruments;
    private final MarketPriceRepository prices;
    private final Clock clock;
    private final Map<Integer, String> symbolByTicker = new ConcurrentHashMap<>();
    private final Map<String, MarketPrice> latest = new ConcurrentHashMap<>();
    private final AtomicInteger nextTicker = new AtomicInteger(FIRST_TICKER_ID);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "market-prices");
        t.setDaemon(true);
        return t;
    });
    private volatile IbConnector connector;

    MarketPriceFeed(InstrumentRepository instruments, MarketPriceRepository prices, Clock clock) {
        this.instruments = instruments;
        this.prices = prices;
        this.clock = clock;
        executor.scheduleWithFixedDelay(this::flush, FLUSH_INTERVAL.toMillis(), FLUSH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void attach(IbConnector connector) {
        this.connector = connector;
    }

    /** Dispatch thread: never block it; subscribing waits for the re-sync, so it runs on the feed's own thread. */
    @Override
    public void onSessionReady(SessionInfo info) {
        executor.execute(this::subscribeAll);
    }

    @Override
    public void onTick(MarketDataEvent e) {
        if (e.kind() != MarketDataEvent.Kind.PRICE || !LAST_PRICE_TICKS.contains(e.tickType())
                || e.price() == null || e.price().signum() <= 0) {
            return;
        }
        String symbol = symbolByTicker.get(e.tickerId());
        if (symbol != null) {
            latest.put(symbol, new MarketPrice(symbol, e.price(), clock.instant()));
        }
    }

    void subscribeAll() {
        IbConnector c = connector;
        if (c == null) {
            return;
        }
        try {
            if (!c.awaitReady(Duration.ofSeconds(30))) {
                return; // the next session's ready event tries again
            }
            Set<String> subscribed = c.marketDataSubscriptions().stream().map(ReqMktData::symbol).collect(Collectors.toSet());
            for (InstrumentRow i : instruments.listAll()) {
                if (subscribed.contains(i.symbol())) {
                    continue;
                }
                int ticker = nextTicker.getAndIncrement();
                symbolByTicker.put(ticker, i.symbol());
                c.requestMarketData(new ReqMktData(ticker, i.conId() == null ? 0 : i.conId().intValue(), i.symbol(),
                        i.secType(), i.exchange(), i.primaryExchange(), i.currency(), "", false, false))
                        .exceptionally(ex -> {
                            log.warn("market data for {} not subscribed: {}", i.symbol(), ex.toString());
                            return null;
                        });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("market data subscription failed: {}", e.toString());
        }
    }

    void flush() {
        if (latest.isEmpty()) {
            return;
        }
        List<MarketPrice> batch = new ArrayList<>();
        for (String symbol : List.copyOf(latest.keySet())) {
            MarketPrice p = latest.remove(symbol);
            if (p != null) {
                batch.add(p);
            }
        }
        try {
            prices.upsertAll(batch);
        } catch (RuntimeException e) {
            log.warn("could not write {} last prices: {}", batch.size(), e.toString());
            batch.forEach(p -> latest.putIfAbsent(p.symbol(), p)); // a newer tick wins; retried next interval
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
