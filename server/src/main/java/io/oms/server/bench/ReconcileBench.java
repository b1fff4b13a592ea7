package io.oms.server.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Issue 7's figure: the time from a reconnect to the account reconciled, with a day of orders and executions at
 * the broker. Sets the day up through the API (not measured), then drops every socket at the simulator and times
 * the account's way back to SYNCED, split into reconnect, trigger, the CONNECT run itself and its last write.
 * Loopback only.
 */
public final class ReconcileBench {
    /** Between runs, so that what a reconnect sets off (the connector's re-sync, its fills de-duplicated) ends first. */
    static final long PAUSE_BETWEEN_RUNS_MILLIS = 2_000;

    private final ReconcileBenchOptions opts;
    private final ReconcileBenchHttp http;
    private final PrintStream out;

    private ReconcileBench(ReconcileBenchOptions opts, ReconcileBenchHttp http, PrintStream out) {
        this.opts = opts;
        this.http = http;
        this.out = out;
    }

    /** Entry point used by {@code OmsMain bench reconcile ...}; returns the process exit code. */
    public static int run(String[] args) {
        return run(args, System.out, System.err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return BenchCommand.runHttp("bench reconcile", ReconcileBenchOptions.USAGE, args, out, err, env,
                ReconcileBenchOptions::parse,
                (opts, client) -> new ReconcileBench(opts, new ReconcileBenchHttp(client, opts), out).execute(err));
    }

    private int execute(PrintStream err) throws InterruptedException {
        ReconcileBenchHttp.Answer accounts = http.apiGet("/api/v1/reconciliation/accounts");
        if (!accounts.ok()) {
            err.println("bench reconcile: GET " + opts.baseUrl() + "/api/v1/reconciliation/accounts answered "
                    + accounts.describe() + "; is the API running and is the key (--key / OMS_API_KEY) right?");
            return 1;
        }
        if (http.account() == null) {
            err.println("bench reconcile: account " + opts.account() + " is not one of the key's tenant");
            return 1;
        }
        ReconcileBenchHttp.Answer control = http.controlGet("/clock");
        if (control.status() / 100 != 2) {
            err.println("bench reconcile: the simulator's control endpoint " + opts.simControl() + " answered "
                    + control.describe() + "; was oms dev started with OMS_SIM_CONTROL_PORT?");
            return 1;
        }
        out.println("== OMS reconnect-to-reconciled benchmark ==");
        out.printf(Locale.ROOT, "%-13s%s, simulator control %s%n", "url", opts.baseUrl(), opts.simControl());
        out.printf(Locale.ROOT, "%-13s%d MKT buys of %s %s on %s, concurrency %d%n", "setup", opts.orders(),
                opts.qty().toPlainString(), opts.symbol(), opts.account(), opts.concurrency());
        ReconcileBenchSetup.Day day = new ReconcileBenchSetup(http, opts).run();
        out.printf(Locale.ROOT, "%-13s%d placed, %d FILLED in %.1f s%s%n", "orders", day.placed(), day.filled(),
                day.seconds(), day.errors().isEmpty() ? "" : "; errors " + day.errors());
        out.printf(Locale.ROOT, "%-13s%d orders, %d executions of the day (account %s at the simulator)%n", "day",
                day.brokerOrders(), day.brokerExecutions(), opts.account());
        out.flush();
        if (day.filled() == 0) {
            err.println("bench reconcile: no order was FILLED; nothing to measure");
            return 1;
        }
        ReconcileRun measure = new ReconcileRun(http, Duration.ofSeconds(opts.timeoutSeconds()));
        List<ReconcileRun.Figures> runs = new ArrayList<>();
        for (int r = 1; r <= opts.runs(); r++) {
            if (r > 1) Thread.sleep(PAUSE_BETWEEN_RUNS_MILLIS);
            ReconcileRun.Figures f = measure.measure();
            runs.add(f);
            out.printf(Locale.ROOT, "%-13s%s%n", "run " + r, line(f));
            out.flush();
        }
        if (runs.size() > 1) {
            out.printf(Locale.ROOT, "%-13s%s%n", "median", medianLine(runs));
        }
        out.flush();
        return day.errors().isEmpty() && runs.stream().allMatch(ReconcileRun.Figures::ok) ? 0 : 1;
    }

    static String line(ReconcileRun.Figures f) {
        if (f.error() != null) return "ERROR " + f.error();
        return figures(f.dropToSynced(), toDouble(f.dropToRunStart()), toDouble(f.run()), toDouble(f.runEndToSynced()),
                toDouble(f.dropToReady()))
                + String.format(Locale.ROOT, "%n%-13s%s, compared %s, %d findings %s, %d repairs", "", f.status(),
                f.compared(), f.findings(), f.kinds(), f.repairs());
    }

    static String medianLine(List<ReconcileRun.Figures> runs) {
        return figures(median(runs, ReconcileRun.Figures::dropToSynced), median(runs, f -> toDouble(f.dropToRunStart())),
                median(runs, f -> toDouble(f.run())), median(runs, f -> toDouble(f.runEndToSynced())),
                median(runs, f -> toDouble(f.dropToReady())));
    }

    /** The client's figure, then the server's parts of it; the session-ready moment only when a poll saw it. */
    private static String figures(Double dropToSynced, Double dropToRunStart, Double run, Double endToSynced,
                                  Double dropToReady) {
        return "drop->SYNCED " + ms(dropToSynced) + " = drop->run start " + ms(dropToRunStart)
                + (dropToReady == null ? "" : " (session ready at " + ms(dropToReady) + ")") + " + run " + ms(run)
                + " + run end->SYNCED " + ms(endToSynced);
    }

    private static Double median(List<ReconcileRun.Figures> runs, Function<ReconcileRun.Figures, Double> figure) {
        double[] values = runs.stream().map(figure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
        return values.length == 0 ? null : Percentiles.median(values);
    }

    private static Double toDouble(Long v) {
        return v == null ? null : v.doubleValue();
    }

    private static String ms(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.0f ms", v);
    }
}
