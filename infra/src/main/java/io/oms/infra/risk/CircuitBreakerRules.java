package io.oms.infra.risk;

import io.oms.infra.persistence.KillSwitchRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a circuit breaker trips: pure decisions over its configuration, its measurement, the state of the kill
 * switch it engages, and its last trip. The evaluation activity and {@code GET /api/v1/risk/circuit-breakers} both
 * use them, so what the API shows is what the evaluation judges.
 */
public final class CircuitBreakerRules {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final String ACTIVE = "ACTIVE";
    static final String HALTED = "HALTED";

    /** NONE: nothing to do; TRIP: record a new trip and engage; RESUME: engage for the last trip, whose engage did not land. */
    public enum Outcome { NONE, TRIP, RESUME }

    /** The outcome and the level the measured value was held against. */
    public record Decision(Outcome outcome, BigDecimal level) {}

    private CircuitBreakerRules() {}

    /**
     * Where a windowed breaker's data starts: the window, but never before the last release of its switch, so that
     * releasing does not trip it again on the rejects (latencies, fills) the person just looked at. LOSS measures
     * the whole New York trading day.
     */
    public static Instant since(CircuitBreaker breaker, Optional<KillSwitchRow> switchRow, Instant now) {
        if (!breaker.kind().windowed()) {
            return now.atZone(NEW_YORK).toLocalDate().atStartOfDay(NEW_YORK).toInstant();
        }
        int window = breaker.windowSeconds() == null ? BreakerKind.DEFAULT_WINDOW_SECONDS : breaker.windowSeconds();
        Instant since = now.minusSeconds(window);
        if (switchRow.isPresent() && ACTIVE.equals(switchRow.get().state()) && switchRow.get().changedAt().isAfter(since)) {
            since = switchRow.get().changedAt();
        }
        return since;
    }

    /**
     * The level a measurement must exceed. For LOSS, after a trip today, it is that trip's loss plus the threshold:
     * once a person has released the switch at a loss, the breaker trips again only after a further loss of the
     * threshold (the day's loss does not go away when the switch is released).
     */
    public static BigDecimal level(CircuitBreaker breaker, Optional<BreakerTrip> lastTrip, Instant now) {
        if (breaker.kind() == BreakerKind.LOSS && lastTrip.isPresent() && sameDay(lastTrip.get().trippedAt(), now)) {
            return lastTrip.get().measured().add(breaker.threshold());
        }
        return breaker.threshold();
    }

    public static Decision decide(CircuitBreaker breaker, BreakerMeasurement measured, Optional<KillSwitchRow> switchRow,
                                  Optional<BreakerTrip> lastTrip, Instant now) {
        BigDecimal level = level(breaker, lastTrip, now);
        if (!breaker.enabled()) {
            return new Decision(Outcome.NONE, level);
        }
        if (engagedAtLeastAs(switchRow, breaker.action())) {
            return new Decision(Outcome.NONE, level); // at most one trip while the switch stays engaged
        }
        if (lastTrip.isPresent() && unanswered(breaker, lastTrip.get(), switchRow)) {
            return new Decision(Outcome.RESUME, level);
        }
        if (measured.value() != null && measured.value().compareTo(level) > 0) {
            return new Decision(Outcome.TRIP, level);
        }
        return new Decision(Outcome.NONE, level);
    }

    /** HALTED covers REDUCING; REDUCING covers only REDUCING. */
    static boolean engagedAtLeastAs(Optional<KillSwitchRow> switchRow, String action) {
        if (switchRow.isEmpty() || ACTIVE.equals(switchRow.get().state())) {
            return false;
        }
        return HALTED.equals(switchRow.get().state()) || switchRow.get().state().equals(action);
    }

    /** The last trip was recorded but its switch was not engaged after it (the engage failed or is under way). */
    static boolean unanswered(CircuitBreaker breaker, BreakerTrip trip, Optional<KillSwitchRow> switchRow) {
        if (!trip.scope().equals(breaker.scope()) || !trip.scopeId().equals(breaker.scopeId())) {
            return false; // the breaker was moved to another scope since
        }
        return switchRow.isEmpty() || switchRow.get().changedAt().isBefore(trip.trippedAt());
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(NEW_YORK).toLocalDate().equals(b.atZone(NEW_YORK).toLocalDate());
    }
}
