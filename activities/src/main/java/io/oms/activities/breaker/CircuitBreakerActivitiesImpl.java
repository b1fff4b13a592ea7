package io.oms.activities.breaker;

import io.oms.infra.config.CircuitBreakerProperties;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.risk.BreakerMeasurement;
import io.oms.infra.risk.BreakerMeasurements;
import io.oms.infra.risk.BreakerTrip;
import io.oms.infra.risk.CircuitBreaker;
import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.infra.risk.CircuitBreakerRules;
import io.oms.infra.risk.CircuitBreakerRules.Decision;
import io.oms.workflows.activities.BreakerCheck;
import io.oms.workflows.activities.CircuitBreakerActivities;
import io.oms.workflows.breaker.CircuitBreakerContract;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.killswitch.EngageRequest;
import io.oms.workflows.killswitch.KillSwitchClient;
import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchScope;
import io.oms.workflows.killswitch.TradingState;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Evaluates each enabled breaker of the tenant: measure (from the window start, or the switch's last release),
 * decide ({@link CircuitBreakerRules}), and on a trip record it, then engage the switch of its scope through the
 * same update the API uses. A trip whose engagement did not land is engaged again at the next pass, without a
 * second trip. One breaker's failure is logged and does not keep the others from being evaluated.
 */
@Component
public class CircuitBreakerActivitiesImpl implements CircuitBreakerActivities {
    private static final Logger log = LoggerFactory.getLogger(CircuitBreakerActivitiesImpl.class);

    private final CircuitBreakerRepository breakers;
    private final BreakerMeasurements measurements;
    private final KillSwitchRepository switches;
    private final BreakerTripRecorder recorder;
    private final WorkflowClient client;
    private final CircuitBreakerProperties settings;
    private final Clock clock;

    @Autowired
    public CircuitBreakerActivitiesImpl(CircuitBreakerRepository breakers, BreakerMeasurements measurements,
                                        KillSwitchRepository switches, BreakerTripRecorder recorder, WorkflowClient client,
                                        CircuitBreakerProperties settings) {
        this(breakers, measurements, switches, recorder, client, settings, Clock.systemUTC());
    }

    public CircuitBreakerActivitiesImpl(CircuitBreakerRepository breakers, BreakerMeasurements measurements,
                                        KillSwitchRepository switches, BreakerTripRecorder recorder, WorkflowClient client,
                                        CircuitBreakerProperties settings, Clock clock) {
        this.breakers = breakers;
        this.measurements = measurements;
        this.switches = switches;
        this.recorder = recorder;
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public BreakerCheck evaluate(TenantId tenant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int enabled = 0;
        int engaged = 0;
        for (CircuitBreaker breaker : breakers.list(tenant.value())) {
            if (!breaker.enabled()) continue;
            enabled++;
            try {
                if (evaluate(breaker, now)) engaged++;
            } catch (RuntimeException e) {
                log.warn("circuit breaker {} of tenant {} not evaluated: {}", breaker.kind(), tenant.value(), e.toString());
            }
        }
        return new BreakerCheck(enabled, engaged, settings.interval().toMillis());
    }

    /** True when the breaker engaged its switch in this pass. */
    private boolean evaluate(CircuitBreaker b, Instant now) {
        Optional<KillSwitchRow> switchRow = switches.find(b.tenantId(), b.scope(), b.scopeId());
        Optional<BreakerTrip> last = breakers.lastTrip(b.tenantId(), b.kind());
        Instant since = CircuitBreakerRules.since(b, switchRow, now);
        BreakerMeasurement measured = measurements.measure(b, since, now, settings.minLatencySamples());
        Decision decision = CircuitBreakerRules.decide(b, measured, switchRow, last, now);
        switch (decision.outcome()) {
            case NONE -> {
                return false;
            }
            case RESUME -> engage(last.orElseThrow());
            case TRIP -> {
                BreakerTrip trip = recorder.record(new BreakerTrip(0, b.tenantId(), b.kind(), b.scope(), b.scopeId(),
                        b.action(), measured.value(), decision.level(), b.windowSeconds(), measured.samples(),
                        measured.detail(), now), since);
                log.warn("circuit breaker tripped: tenant {} {}", b.tenantId(), BreakerTripRecorder.reason(trip));
                engage(trip);
            }
        }
        return true;
    }

    private void engage(BreakerTrip trip) {
        KillSwitchKey key = new KillSwitchKey(trip.tenantId(), KillSwitchScope.valueOf(trip.scope()), trip.scopeId());
        KillSwitchClient.engage(client, key, new EngageRequest(TradingState.valueOf(trip.action()),
                CircuitBreakerContract.reasonCode(trip.kind().name()), BreakerTripRecorder.reason(trip),
                CircuitBreakerContract.ACTOR));
    }
}
