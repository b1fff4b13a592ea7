package io.oms.activities.ledger;

import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.workflows.domain.DomainEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code position.updated} domain event, appended to the outbox in the transaction that moved the position. */
final class PositionEvents {
    private final OutboxRepository outbox;

    PositionEvents(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    void positionUpdated(PositionRow p, String execId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", p.account());
        m.put("symbol", p.symbol());
        m.put("quantity", p.quantity());
        m.put("avg_cost", p.avgCost());
        m.put("realized_pnl", p.realizedPnl());
        m.put("commissions", p.commissions());
        m.put("exec_id", execId);
        outbox.appendEvent(p.tenantId(), DomainEvents.AGGREGATE_POSITION, p.account() + ":" + p.symbol(),
                DomainEvents.POSITION_UPDATED, p.updatedAt(), "position", LedgerJson.fields(m));
    }
}
