package io.oms.server.bench;

/** Percentile and median helpers for the benchmark client. */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * Nearest-rank percentile: the smallest value such that at least {@code p} percent of the
     * values are less than or equal to it, i.e. {@code sorted[ceil(p/100 * n) - 1]} (p = 0 gives
     * the minimum).
     *
     * @param sorted values in ascending order, not empty
     * @param p percentile in [0, 100]
     */
    public static long nearestRank(long[] sorted, double p) {
        if (sorted == null || sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p >= 0.0 && p <= 100.0)) {
            throw new IllegalArgumentException("percentile must be within [0, 100]: " + p);
        }
        int n = sorted.length;
        // p * n first: exact for integral p, so e.g. p=90, n=10 gives rank 9, not 10.
        long rank = (long) Math.ceil(p * n / 100.0);
        rank = Math.max(1, Math.min(n, rank));
        return sorted[(int) rank - 1];
    }

    /** Median of the values (mean of the two middle values for an even count); NaN if empty. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        int mid = copy.length / 2;
        return copy.length % 2 == 1 ? copy[mid] : (copy[mid - 1] + copy[mid]) / 2.0;
    }
}
