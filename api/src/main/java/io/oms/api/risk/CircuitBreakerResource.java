package io.oms.api.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.api.Decimals;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.risk.BreakerMeasurement;
import io.oms.infra.risk.BreakerTrip;
import io.oms.infra.risk.CircuitBreaker;
import java.time.Instant;
import java.util.Optional;

/**
 * A circuit breaker as the API shows it: its terms, what it measures now ({@code current}, null when only the
 * terms are answered), the state of the switch it engages, and its last trip. Figures are decimal strings in
 * {@code unit}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CircuitBreakerResource(String kind, String scope, String account, String unit, String threshold,
                                     Integer windowSeconds, String action, boolean enabled, String killSwitch,
                                     Current current, Trip lastTrip, String createdBy, Instant createdAt,
                                     String updatedBy, Instant updatedAt) {

    /**
     * The figure now: {@code value} null when there is not enough data (BROKER_LATENCY below its minimum samples);
     * {@code level} is what the value must exceed to trip (the threshold; for LOSS after a trip today, that trip's
     * loss plus the threshold); {@code since} where the data starts; {@code switchState} the switch's state.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Current(String value, long samples, String level, Instant since, String detail, String switchState) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trip(long id, String killSwitch, String action, String measured, String threshold,
                       Integer windowSeconds, long samples, String detail, Instant trippedAt) {}

    static CircuitBreakerResource of(CircuitBreaker b, Current current, Optional<BreakerTrip> lastTrip) {
        return new CircuitBreakerResource(b.kind().name(), b.scope(), b.account(), b.kind().unit(),
                Decimals.text(b.threshold()), b.windowSeconds(), b.action(), b.enabled(), b.scope() + "/" + b.scopeId(),
                current, lastTrip.map(CircuitBreakerResource::trip).orElse(null), b.createdBy(), b.createdAt(),
                b.updatedBy(), b.updatedAt());
    }

    static Current current(BreakerMeasurement m, java.math.BigDecimal level, Instant since, Optional<KillSwitchRow> switchRow) {
        return new Current(Decimals.text(m.value()), m.samples(), Decimals.text(level), since, m.detail(),
                switchRow.map(KillSwitchRow::state).orElse("ACTIVE"));
    }

    private static Trip trip(BreakerTrip t) {
        return new Trip(t.id(), t.scope() + "/" + t.scopeId(), t.action(), Decimals.text(t.measured()),
                Decimals.text(t.threshold()), t.windowSeconds(), t.samples(), t.detail(), t.trippedAt());
    }
}
