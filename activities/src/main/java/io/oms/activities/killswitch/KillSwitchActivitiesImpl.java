package io.oms.activities.killswitch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.workflows.activities.KillSwitchActivities;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchView;
import io.oms.workflows.killswitch.TradingState;
import io.oms.workflows.order.OrderWorkflowContract;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The kill switch's database side (read table, outbox, live orders) and the cancels it sends. */
@Component
public class KillSwitchActivitiesImpl implements KillSwitchActivities {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransactionTemplate tx;
    private final KillSwitchRepository switches;
    private final OutboxRepository outbox;
    private final OrderCanceller canceller;

    public KillSwitchActivitiesImpl(TransactionTemplate tx, KillSwitchRepository switches, OutboxRepository outbox,
                                    OrderCanceller canceller) {
        this.tx = tx;
        this.switches = switches;
        this.outbox = outbox;
        this.canceller = canceller;
    }

    @Override
    public void recordState(KillSwitchView view) {
        KillSwitchKey key = view.key();
        KillSwitchRow row = new KillSwitchRow(key.tenantId(), key.scope().name(), key.scopeId(), view.state().name(),
                view.reasonCode(), view.reason(), view.actor(), view.changedAt(), view.version());
        String event = view.state() == TradingState.ACTIVE ? DomainEvents.KILLSWITCH_RELEASED : DomainEvents.KILLSWITCH_ENGAGED;
        tx.executeWithoutResult(status -> {
            if (switches.save(row)) {
                outbox.appendEvent(key.tenantId(), DomainEvents.AGGREGATE_KILL_SWITCH, key.scope() + "/" + key.scopeId(),
                        event, view.changedAt(), "killSwitch", subject(row));
            }
        });
    }

    @Override
    public List<String> brokerConnections() {
        return switches.brokerConnections();
    }

    @Override
    public List<String> liveOrders(KillSwitchKey key) {
        List<KillSwitchRepository.LiveOrder> live = switch (key.scope()) {
            case GLOBAL -> switches.liveOrders(null, null);
            case TENANT -> switches.liveOrders(key.tenantId(), null);
            case ACCOUNT -> switches.liveOrders(key.tenantId(), key.scopeId());
            case STRATEGY -> switches.liveOrdersOfStrategy(key.tenantId(), key.scopeId());
        };
        return live.stream()
                .map(o -> OrderWorkflowContract.workflowId(new TenantId(o.tenantId()), new ClientOrderId(o.clientOrderId())))
                .toList();
    }

    @Override
    public int cancelOrders(CancelOrders command) {
        return canceller.cancelAll(command.workflowIds(), command.actor(), command.reason());
    }

    private static String subject(KillSwitchRow row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("tenantId", row.tenantId());
        node.put("scope", row.scope());
        node.put("scopeId", row.scopeId());
        node.put("state", row.state());
        node.put("reasonCode", row.reasonCode());
        node.put("reason", row.reason());
        node.put("actor", row.actor());
        node.put("changedAt", row.changedAt().toString());
        node.put("version", row.version());
        return node.toString();
    }
}
