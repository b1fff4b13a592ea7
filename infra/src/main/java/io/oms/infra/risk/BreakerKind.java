package io.oms.infra.risk;

/**
 * What a circuit breaker measures, and in which unit its threshold is. LOSS has no window (it is today's P&L);
 * the others look back {@code window_seconds} (60 when not given).
 */
public enum BreakerKind {
    /** Today's loss: -(realized + unrealized - commissions), New York trading date; currency. */
    LOSS("currency", false),
    /** Orders the broker rejected (state REJECTED, not the OMS's own DENIED) in the window; a count. */
    REJECT_STORM("orders", true),
    /** 90th percentile of order created -> broker acknowledgement (ROUTED) in the window; milliseconds. */
    BROKER_LATENCY("ms", true),
    /** Most orders filled for one (account, symbol, side) in the window; a count. */
    REPEATED_EXECUTIONS("orders", true);

    public static final int DEFAULT_WINDOW_SECONDS = 60;

    private final String unit;
    private final boolean windowed;

    BreakerKind(String unit, boolean windowed) {
        this.unit = unit;
        this.windowed = windowed;
    }

    public String unit() {
        return unit;
    }

    public boolean windowed() {
        return windowed;
    }

    /** Thresholds of counts are whole numbers. */
    public boolean counts() {
        return this == REJECT_STORM || this == REPEATED_EXECUTIONS;
    }
}
