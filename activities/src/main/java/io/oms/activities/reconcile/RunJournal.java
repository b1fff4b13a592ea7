package io.oms.activities.reconcile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.reconcile.Finding;
import io.oms.infra.reconcile.FindingWriter;
import io.oms.workflows.activities.RunTicket;
import io.oms.workflows.domain.DomainEvents;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's record of what it found: every finding is written with its OrderStateSync event ({@code order.state_sync})
 * in the outbox, published in order per account; a new position discrepancy also raises the alert event
 * {@code reconciliation.discrepancy}.
 */
final class RunJournal {
    private static final Logger log = LoggerFactory.getLogger(RunJournal.class);
    /** Findings by kind and action: an alerting rule on POSITION_DRIFT or FILL_ON_CLOSED_ORDER belongs here. */
    static final String FINDINGS_METRIC = "oms.reconciliation.findings";
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final FindingWriter findings;
    private final OutboxRepository outbox;
    private final Clock clock;
    private final RunTicket ticket;
    private final MeterRegistry meters;
    private int count;
    private int repairs;

    RunJournal(FindingWriter findings, OutboxRepository outbox, Clock clock, RunTicket ticket, MeterRegistry meters) {
        this.meters = meters;
        this.findings = findings;
        this.outbox = outbox;
        this.clock = clock;
        this.ticket = ticket;
    }

    void add(Finding f) {
        var at = clock.instant();
        UUID id = findings.add(UUID.fromString(ticket.runId()), ticket.tenantId(), ticket.account(), f, at);
        count++;
        if ("APPLIED".equals(f.action()) || "IMPORTED".equals(f.action())) {
            repairs++;
        }
        log.info("reconciliation {} of {}: {} {} ({})", ticket.runId(), ticket.account(), f.kind(), f.action(), f.detail());
        meters.counter(FINDINGS_METRIC, "kind", f.kind(), "action", f.action()).increment();
        Map<String, Object> sync = new LinkedHashMap<>();
        sync.put("findingId", id.toString());
        sync.put("runId", ticket.runId());
        sync.put("account", ticket.account());
        sync.put("kind", f.kind());
        sync.put("action", f.action());
        sync.put("orderId", f.orderId() == null ? null : f.orderId().toString());
        sync.put("symbol", f.symbol());
        sync.put("execId", f.execId());
        sync.put("permId", f.permId());
        sync.put("omsValue", f.omsValue());
        sync.put("brokerValue", f.brokerValue());
        sync.put("detail", f.detail());
        event(DomainEvents.ORDER_STATE_SYNC, "stateSync", sync);
    }

    void event(String type, String subjectKey, Map<String, Object> subject) {
        try {
            outbox.appendEvent(ticket.tenantId(), DomainEvents.AGGREGATE_RECONCILIATION, ticket.account(), type,
                    clock.instant(), subjectKey, JSON.writeValueAsString(subject));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    int findings() {
        return count;
    }

    int repairs() {
        return repairs;
    }
}
