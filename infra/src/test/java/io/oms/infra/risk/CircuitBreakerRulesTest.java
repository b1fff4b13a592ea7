package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.risk.CircuitBreakerRules.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a breaker trips, waits, or finishes an earlier trip's engagement: pure decisions, no database. */
class CircuitBreakerRulesTest {
    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00Z"); // 13:00 New York

    private static CircuitBreaker breaker(BreakerKind kind, String threshold, Integer window, String action) {
        return new CircuitBreaker("acme", kind, "TENANT", null, new BigDecimal(threshold), window, action, true,
                "user:x", NOW, "user:x", NOW);
    }

    private static Optional<KillSwitchRow> switchRow(String state, Instant changedAt) {
        return Optional.of(new KillSwitchRow("acme", "TENANT", "acme", state, "ACTIVE".equals(state) ? null : "X",
                null, "user:x", changedAt, 2));
    }

    private static Optional<BreakerTrip> trip(BreakerKind kind, String measured, Instant at) {
        return Optional.of(new BreakerTrip(7, "acme", kind, "TENANT", "acme", "HALTED", new BigDecimal(measured),
                BigDecimal.ONE, 60, 3, null, at));
    }

    private static BreakerMeasurement value(String v) {
        return new BreakerMeasurement(new BigDecimal(v), 10, null);
    }

    @Test
    void tripsOnlyAboveTheThresholdNotAtIt() {
        CircuitBreaker rejects = breaker(BreakerKind.REJECT_STORM, "5", 60, "HALTED");
        assertThat(CircuitBreakerRules.decide(rejects, value("5"), Optional.empty(), Optional.empty(), NOW).outcome())
                .isEqualTo(Outcome.NONE);
        assertThat(CircuitBreakerRules.decide(rejects, value("6"), Optional.empty(), Optional.empty(), NOW).outcome())
                .isEqualTo(Outcome.TRIP);
    }

    @Test
    void aDisabledBreakerNeverTrips() {
        CircuitBreaker b = breaker(BreakerKind.REJECT_STORM, "1", 60, "HALTED");
        CircuitBreaker off = new CircuitBreaker(b.tenantId(), b.kind(), b.scope(), null, b.threshold(), 60, "HALTED",
                false, "u", NOW, "u", NOW);
        assertThat(CircuitBreakerRules.decide(off, value("100"), Optional.empty(), Optional.empty(), NOW).outcome())
                .isEqualTo(Outcome.NONE);
    }

    @Test
    void tripsAtMostOnceWhileItsSwitchStaysEngaged() {
        CircuitBreaker b = breaker(BreakerKind.REJECT_STORM, "1", 60, "HALTED");
        var halted = switchRow("HALTED", NOW.minusSeconds(10));
        assertThat(CircuitBreakerRules.decide(b, value("100"), halted, trip(b.kind(), "5", NOW.minusSeconds(11)), NOW)
                .outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void aHaltingBreakerEscalatesASwitchAPersonSetToReducingButAReducingOneDoesNot() {
        var reducing = switchRow("REDUCING", NOW.minusSeconds(30));
        assertThat(CircuitBreakerRules.decide(breaker(BreakerKind.REJECT_STORM, "1", 60, "HALTED"), value("3"), reducing,
                Optional.empty(), NOW).outcome()).isEqualTo(Outcome.TRIP);
        assertThat(CircuitBreakerRules.decide(breaker(BreakerKind.REJECT_STORM, "1", 60, "REDUCING"), value("3"), reducing,
                Optional.empty(), NOW).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void aTripWhoseEngagementDidNotLandIsEngagedAgainWithoutASecondTrip() {
        CircuitBreaker b = breaker(BreakerKind.REJECT_STORM, "1", 60, "HALTED");
        var lastTrip = trip(b.kind(), "4", NOW.minusSeconds(5));
        assertThat(CircuitBreakerRules.decide(b, value("0"), Optional.empty(), lastTrip, NOW).outcome())
                .isEqualTo(Outcome.RESUME);
        assertThat(CircuitBreakerRules.decide(b, value("0"), switchRow("ACTIVE", NOW.minusSeconds(60)), lastTrip, NOW)
                .outcome()).isEqualTo(Outcome.RESUME);
    }

    @Test
    void afterAReleaseTheWindowStartsAtTheReleaseSoTheSameRejectsDoNotTripAgain() {
        CircuitBreaker b = breaker(BreakerKind.REJECT_STORM, "1", 60, "HALTED");
        Instant released = NOW.minusSeconds(20);
        assertThat(CircuitBreakerRules.since(b, switchRow("ACTIVE", released), NOW)).isEqualTo(released);
        // A release older than the window changes nothing; an engaged switch's time is no release.
        assertThat(CircuitBreakerRules.since(b, switchRow("ACTIVE", NOW.minusSeconds(600)), NOW)).isEqualTo(NOW.minusSeconds(60));
        assertThat(CircuitBreakerRules.since(b, switchRow("HALTED", released), NOW)).isEqualTo(NOW.minusSeconds(60));
        // And the trip before the release is answered: nothing to resume.
        assertThat(CircuitBreakerRules.decide(b, value("1"), switchRow("ACTIVE", released),
                trip(b.kind(), "4", released.minusSeconds(30)), NOW).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void theWindowDefaultsToSixtySeconds() {
        assertThat(CircuitBreakerRules.since(breaker(BreakerKind.REPEATED_EXECUTIONS, "3", null, "HALTED"),
                Optional.empty(), NOW)).isEqualTo(NOW.minusSeconds(60));
    }

    @Test
    void lossMeasuresTheNewYorkTradingDay() {
        assertThat(CircuitBreakerRules.since(breaker(BreakerKind.LOSS, "1000", null, "HALTED"), Optional.empty(), NOW))
                .isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    }

    @Test
    void afterALossTripTodayTheBreakerTripsAgainOnlyAfterAFurtherLossOfTheThreshold() {
        CircuitBreaker loss = breaker(BreakerKind.LOSS, "1000", null, "HALTED");
        var released = switchRow("ACTIVE", NOW.minusSeconds(10));
        var tripped = trip(BreakerKind.LOSS, "1200", NOW.minusSeconds(600));
        assertThat(CircuitBreakerRules.level(loss, tripped, NOW)).isEqualByComparingTo("2200");
        assertThat(CircuitBreakerRules.decide(loss, value("1500"), released, tripped, NOW).outcome()).isEqualTo(Outcome.NONE);
        assertThat(CircuitBreakerRules.decide(loss, value("2201"), released, tripped, NOW).outcome()).isEqualTo(Outcome.TRIP);
        // Yesterday's trip does not raise today's level.
        var yesterday = trip(BreakerKind.LOSS, "1200", NOW.minusSeconds(86_400));
        assertThat(CircuitBreakerRules.level(loss, yesterday, NOW)).isEqualByComparingTo("1000");
    }

    @Test
    void withoutEnoughSamplesNothingIsJudged() {
        CircuitBreaker latency = breaker(BreakerKind.BROKER_LATENCY, "500", 60, "HALTED");
        assertThat(CircuitBreakerRules.decide(latency, BreakerMeasurement.none(2), Optional.empty(), Optional.empty(), NOW)
                .outcome()).isEqualTo(Outcome.NONE);
    }
}
