package io.oms.server.bench;

import io.oms.activities.risk.RiskEngine;
import io.oms.activities.risk.RiskVerdict;
import io.oms.infra.db.DatabaseCreator;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.risk.RiskLimitRepository;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.OrderIntent;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Risk-check overhead per order: loading the consistent snapshot from PostgreSQL (one REPEATABLE READ
 * transaction) and running every rule over it, against a book with the given number of active limits. Builds its
 * own database (loopback only) from the migrations. The clock is fixed in a regular session so that every rule runs.
 */
public final class RiskBench {
    /** A Wednesday, 11:00 New York: inside regular trading hours. */
    private static final Instant NOW = Instant.parse("2026-12-02T16:00:00Z");

    private RiskBench() {}

    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.run("bench risk", RiskBenchOptions.USAGE, args, out, err, env, RiskBenchOptions::parse,
                opts -> execute(opts, out));
    }

    private static int execute(RiskBenchOptions opts, PrintStream out) {
        DatabaseCreator.recreateDatabase(opts.dbUrl(), opts.dbUser(), "");
        // One connection, kept open: a check borrows a pooled connection in the service, never opens one.
        SingleConnectionDataSource ds = new SingleConnectionDataSource(opts.dbUrl(), opts.dbUser(), "", true);
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        RiskBenchData.create(jdbc, opts.limits(), opts.workingOrders(), opts.filledOrders(), NOW);
        RiskSnapshots snapshots = new RiskSnapshots(jdbc, new RiskLimitRepository(jdbc), new PnlRepository(jdbc),
                new TransactionTemplate(new DataSourceTransactionManager(ds)), Clock.fixed(NOW, ZoneOffset.UTC));
        RiskEngine engine = RiskEngine.standard();

        out.println("== OMS risk-check benchmark ==");
        out.printf(Locale.ROOT, "%-13s%s%n", "database", opts.dbUrl());
        out.printf(Locale.ROOT, "%-13s%d active limits, %d working orders, %d filled today, %d symbols%n", "book",
                opts.limits(), opts.workingOrders(), opts.filledOrders(), RiskBenchData.SYMBOLS.size());
        out.printf(Locale.ROOT, "%-13s%d checks x %d run(s), warmup %d%n", "load", opts.checks(), opts.runs(), opts.warmup());
        measure(snapshots, engine, opts.warmup(), null, null);
        List<RoundTrips> whole = new ArrayList<>();
        List<RoundTrips> rules = new ArrayList<>();
        for (int r = 1; r <= opts.runs(); r++) {
            long[] total = new long[opts.checks()];
            long[] evaluation = new long[opts.checks()];
            long start = System.nanoTime();
            measure(snapshots, engine, opts.checks(), total, evaluation);
            double wall = (System.nanoTime() - start) / 1e9;
            whole.add(trips(total, wall));
            rules.add(trips(evaluation, wall));
            out.printf(Locale.ROOT, "%-13s%s%n", "run " + r + " ms", whole.getLast().line());
            out.printf(Locale.ROOT, "%-13s%s%n", "  rules only", rules.getLast().line());
        }
        if (opts.runs() > 1) {
            out.printf(Locale.ROOT, "%-13s%s%n", "median ms", RoundTrips.medianLine(whole));
            out.printf(Locale.ROOT, "%-13s%s%n", "  rules only", RoundTrips.medianLine(rules));
        }
        ds.destroy();
        return 0;
    }

    /** Checks {@code n} orders (rotating symbols and sides); records per-check nanos when arrays are given. */
    private static void measure(RiskSnapshots snapshots, RiskEngine engine, int n, long[] total, long[] evaluation) {
        for (int i = 0; i < n; i++) {
            String symbol = RiskBenchData.SYMBOLS.get(i % RiskBenchData.SYMBOLS.size());
            OrderIntent order = new OrderIntent(RiskBenchData.TENANT, "check-" + i, RiskBenchData.ACCOUNT, symbol,
                    i % 2 == 0 ? Side.BUY : Side.SELL, OrderType.LMT, TimeInForce.DAY, BigDecimal.TEN,
                    new BigDecimal("99.50"), null, false, null, null);
            long t0 = System.nanoTime();
            RiskSnapshot snapshot = snapshots.loadForCheck(RiskBenchData.TENANT, RiskBenchData.ACCOUNT, symbol);
            long t1 = System.nanoTime();
            RiskVerdict verdict = engine.evaluate(order, snapshot);
            long t2 = System.nanoTime();
            if (verdict == null) throw new IllegalStateException("no verdict");
            if (total != null) {
                total[i] = t2 - t0;
                evaluation[i] = t2 - t1;
            }
        }
    }

    private static RoundTrips trips(long[] nanos, double wall) {
        return RoundTrips.of(Arrays.stream(nanos).mapToObj(ns -> new RoundTrips.Outcome(ns, 200, null)).toList(), wall);
    }
}
