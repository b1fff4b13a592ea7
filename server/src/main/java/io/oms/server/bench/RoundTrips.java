package io.oms.server.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** The round trips of one kind (modify or cancel) in one run: latencies of the 2xx answers, counts of the rest. */
record RoundTrips(long[] sortedNanos, double wallSeconds, Map<String, Integer> answers, Map<String, Integer> errors) {

    /** One request's outcome: its latency, and either its 2xx status or what went wrong. */
    record Outcome(long nanos, int status, String error) {}

    static RoundTrips of(List<Outcome> outcomes, double wallSeconds) {
        Map<String, Integer> answers = new TreeMap<>();
        Map<String, Integer> errors = new TreeMap<>();
        long[] latencies = outcomes.stream().filter(o -> o.error() == null).mapToLong(Outcome::nanos).sorted().toArray();
        for (Outcome o : outcomes) {
            if (o.error() == null) {
                answers.merge("HTTP " + o.status(), 1, Integer::sum);
            } else {
                errors.merge(o.error(), 1, Integer::sum);
            }
        }
        return new RoundTrips(latencies, wallSeconds, answers, errors);
    }

    double ms(double percentile) {
        return sortedNanos.length == 0 ? Double.NaN : Percentiles.nearestRank(sortedNanos, percentile) / 1e6;
    }

    double opsPerSecond() {
        return sortedNanos.length == 0 || !(wallSeconds > 0) ? Double.NaN : sortedNanos.length / wallSeconds;
    }

    String line() {
        return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s  %s ops/s  (n=%d; %s%s)", fmt(ms(50)),
                fmt(ms(90)), fmt(ms(99)), fmt(ms(100)), fmt(opsPerSecond()), sortedNanos.length, format(answers),
                errors.isEmpty() ? "" : "; errors: " + format(errors));
    }

    /** The median across runs of each figure (runs without any answer are left out). */
    static String medianLine(List<RoundTrips> runs) {
        return String.format(Locale.ROOT, "p50 %s  p90 %s  p99 %s  max %s  %s ops/s", fmt(median(runs, r -> r.ms(50))),
                fmt(median(runs, r -> r.ms(90))), fmt(median(runs, r -> r.ms(99))), fmt(median(runs, r -> r.ms(100))),
                fmt(median(runs, RoundTrips::opsPerSecond)));
    }

    private static double median(List<RoundTrips> runs, ToDoubleFunction<RoundTrips> metric) {
        return Percentiles.median(runs.stream().mapToDouble(metric).filter(v -> !Double.isNaN(v)).toArray());
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String format(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(": ").append(v));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoundTrips r && Arrays.equals(sortedNanos, r.sortedNanos) && wallSeconds == r.wallSeconds
                && answers.equals(r.answers) && errors.equals(r.errors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sortedNanos) * 31 + answers.hashCode();
    }

    @Override
    public String toString() {
        return "RoundTrips[" + line() + "]";
    }
}
