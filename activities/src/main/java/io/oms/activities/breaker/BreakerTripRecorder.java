package io.oms.activities.breaker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.risk.BreakerTrip;
import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.workflows.breaker.CircuitBreakerContract;
import io.oms.workflows.domain.DomainEvents;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a trip in one transaction: the {@code circuit_breaker_trips} row, the outbox event {@code risk.breached}
 * with the figures, and the audit record {@code circuit_breaker.trip} (actor {@code circuit-breaker}, resource
 * version = the trip id, so the record is written once). The engagement of the switch follows it.
 */
@Component
public class BreakerTripRecorder {
    static final String AUDIT_ACTION = "circuit_breaker.trip";
    static final String RESOURCE_TYPE = "circuit_breaker";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransactionTemplate tx;
    private final CircuitBreakerRepository breakers;
    private final OutboxRepository outbox;
    private final AuditRepository audit;

    public BreakerTripRecorder(TransactionTemplate tx, CircuitBreakerRepository breakers, OutboxRepository outbox,
                               AuditRepository audit) {
        this.tx = tx;
        this.breakers = breakers;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** {@code since}: where the measured data started (the window, or the last release of the switch). */
    public BreakerTrip record(BreakerTrip trip, Instant since) {
        return tx.execute(status -> {
            BreakerTrip saved = breakers.insertTrip(trip);
            String json = json(saved, since);
            outbox.appendEvent(saved.tenantId(), DomainEvents.AGGREGATE_CIRCUIT_BREAKER, saved.kind().name(),
                    DomainEvents.RISK_BREACHED, saved.trippedAt(), "breach", json);
            audit.append(new AuditRecord(saved.tenantId(), saved.trippedAt(), CircuitBreakerContract.ACTOR, AUDIT_ACTION,
                    RESOURCE_TYPE, saved.kind().name(), saved.id(), null, json, reason(saved), null, null));
            return saved;
        });
    }

    /** The kill switch's free-text reason, e.g. "REJECT_STORM: 7 > 5 orders in 60 s". */
    static String reason(BreakerTrip t) {
        String unit = t.kind().unit();
        return t.kind() + ": " + t.measured().toPlainString() + " > " + t.threshold().toPlainString() + " " + unit
                + (t.windowSeconds() == null ? " today" : " in " + t.windowSeconds() + " s")
                + (t.detail() == null ? "" : " (" + t.detail() + ")");
    }

    private static String json(BreakerTrip t, Instant since) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tripId", t.id());
        node.put("source", "circuit_breaker");
        node.put("kind", t.kind().name());
        node.put("scope", t.scope());
        node.put("scopeId", t.scopeId());
        node.put("killSwitch", t.scope() + "/" + t.scopeId());
        node.put("action", t.action());
        node.put("reasonCode", CircuitBreakerContract.reasonCode(t.kind().name()));
        node.put("measured", t.measured().toPlainString());
        node.put("threshold", t.threshold().toPlainString());
        node.put("unit", t.kind().unit());
        if (t.windowSeconds() == null) node.putNull("windowSeconds"); else node.put("windowSeconds", t.windowSeconds());
        node.put("samples", t.samples());
        node.put("detail", t.detail());
        node.put("since", since.toString());
        node.put("trippedAt", t.trippedAt().toString());
        return node.toString();
    }
}
