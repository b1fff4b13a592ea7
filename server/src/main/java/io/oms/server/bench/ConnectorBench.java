package io.oms.server.bench;

import io.oms.ib.client.IbClientOptions;
import io.oms.ib.client.IbConnectionConfig;
import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbEventListener;
import io.oms.ib.client.OrderIdStore;
import io.oms.ib.client.OrderSpec;
import io.oms.ib.client.PlaceAck;
import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The IB connector alone against the simulator over a loopback socket, both in this JVM: place-to-ack
 * round trip (placeOrder until IB's first status) and the sustained placement rate with pacing off.
 * Orders are limit buys far below the market, so each one is acknowledged and then rests; a global cancel
 * clears them after every run.
 */
public final class ConnectorBench {
    static final String USAGE = """
            Usage: oms bench connector [options]
              --orders N         placements per measured run (default 5000)
              --concurrency C    placements in flight at once (default 8; 1 measures a lone round trip)
              --warmup W         placements before measuring, not counted (default 2000)
              --runs R           measured runs; the median across runs is printed (default 3)
              --pacing RATE      connector pacing in messages/s; 0 = off (default 0)
            """;

    private ConnectorBench() {}

    record Options(int orders, int concurrency, int warmup, int runs, double pacing) {}

    record RunResult(long[] sortedNanos, double perSecond) {}

    public static int run(String[] args, PrintStream out) throws Exception {
        Options o = parse(args);
        if (o == null) {
            out.print(USAGE);
            return 2;
        }
        SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withVolatilityBps(BigDecimal.ZERO);
        try (GatewaySimulator sim = new GatewaySimulator(config)) {
            sim.start();
            IbClientOptions options = o.pacing() > 0
                    ? IbClientOptions.defaults().withPacing(o.pacing(), (int) Math.max(1, o.pacing()))
                    : IbClientOptions.defaults().withoutPacing();
            try (IbConnector connector = new IbConnector(IbConnectionConfig.of("bench", "127.0.0.1", sim.port(), 9),
                    OrderIdStore.inMemory(), new IbEventListener() {}, options)) {
                connector.start();
                if (!connector.awaitReady(Duration.ofSeconds(10))) {
                    out.println("the connector did not reach the simulator");
                    return 1;
                }
                out.printf(Locale.ROOT, "connector -> simulator on 127.0.0.1:%d, pacing %s, concurrency %d%n", sim.port(),
                        o.pacing() > 0 ? o.pacing() + " msg/s" : "off", o.concurrency());
                measure(connector, o.warmup(), o.concurrency(), "warm");
                connector.cancelAllOrders().get(10, TimeUnit.SECONDS);
                double[] p50 = new double[o.runs()], p99 = new double[o.runs()], rate = new double[o.runs()];
                for (int r = 0; r < o.runs(); r++) {
                    RunResult result = measure(connector, o.orders(), o.concurrency(), "run" + r);
                    connector.cancelAllOrders().get(10, TimeUnit.SECONDS);
                    p50[r] = ms(Percentiles.nearestRank(result.sortedNanos(), 50));
                    p99[r] = ms(Percentiles.nearestRank(result.sortedNanos(), 99));
                    rate[r] = result.perSecond();
                    out.printf(Locale.ROOT, "run %d/%d  place->ack p50 %.3f  p90 %.3f  p99 %.3f  max %.3f ms   %.0f placements/s"
                                    + "   (%d acks)%n", r + 1, o.runs(), p50[r],
                            ms(Percentiles.nearestRank(result.sortedNanos(), 90)), p99[r],
                            ms(result.sortedNanos()[result.sortedNanos().length - 1]), rate[r], result.sortedNanos().length);
                }
                out.printf(Locale.ROOT, "median of %d runs: place->ack p50 %.3f ms  p99 %.3f ms  %.0f placements/s%n",
                        o.runs(), Percentiles.median(p50), Percentiles.median(p99), Percentiles.median(rate));
                return 0;
            }
        }
    }

    /** Places {@code n} orders keeping {@code concurrency} in flight; every loop is bounded by n and a timeout. */
    static RunResult measure(IbConnector connector, int n, int concurrency, String tag) throws Exception {
        long[] nanos = new long[n];
        Semaphore inFlight = new Semaphore(concurrency);
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no acknowledgement within 30 s");
            }
            int k = i;
            long t0 = System.nanoTime();
            OrderSpec spec = OrderSpec.limit("bench/" + tag + "/" + i, "DU1234567", "AAPL", "BUY", BigDecimal.ONE,
                    BigDecimal.ONE, "GTC");
            all[i] = connector.placeOrder(spec).whenComplete((PlaceAck ack, Throwable failure) -> {
                nanos[k] = failure == null && !ack.rejected() ? System.nanoTime() - t0 : -1;
                inFlight.release();
            });
        }
        CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] ok = Arrays.stream(nanos).filter(x -> x >= 0).sorted().toArray();
        if (ok.length < n) {
            throw new IllegalStateException((n - ok.length) + " placements failed or were rejected");
        }
        return new RunResult(ok, n / seconds);
    }

    static Options parse(String[] args) {
        int orders = 5000, concurrency = 8, warmup = 2000, runs = 3;
        double pacing = 0;
        try {
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--orders" -> { orders = Integer.parseInt(value); i++; }
                    case "--concurrency" -> { concurrency = Integer.parseInt(value); i++; }
                    case "--warmup" -> { warmup = Integer.parseInt(value); i++; }
                    case "--runs" -> { runs = Integer.parseInt(value); i++; }
                    case "--pacing" -> { pacing = Double.parseDouble(value); i++; }
                    default -> { return null; }
                }
            }
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
        boolean valid = orders >= 1 && orders <= 1_000_000 && concurrency >= 1 && concurrency <= 1024 && warmup >= 0
                && warmup <= 1_000_000 && runs >= 1 && runs <= 20 && pacing >= 0;
        return valid ? new Options(orders, concurrency, warmup, runs, pacing) : null;
    }

    private static double ms(long nanos) { return nanos / 1e6; }
}
