package io.oms.workflows.domain;

import java.util.Optional;
import java.util.Set;

/**
 * The domain events written to the outbox, by type. An order's audit action that is one of {@link #ORDER_EVENTS}
 * is also published under the same name; other actions ({@code order.cancel_requested},
 * {@code order.fill_after_terminal}, ...) are audit only.
 */
public final class DomainEvents {
    public static final String ORDER_CREATED = "order.created";
    public static final String ORDER_ROUTED = "order.routed";
    public static final String ORDER_PARTIALLY_FILLED = "order.partially_filled";
    public static final String ORDER_FILLED = "order.filled";
    public static final String ORDER_CANCELED = "order.canceled";
    public static final String ORDER_REJECTED = "order.rejected";
    public static final String ORDER_EXPIRED = "order.expired";
    public static final String ORDER_DENIED = "order.denied";
    public static final String ORDER_REPLACED = "order.replaced";
    public static final String POSITION_UPDATED = "position.updated";
    public static final String PNL_SNAPSHOT_CREATED = "pnl.snapshot.created";
    public static final String KILLSWITCH_ENGAGED = "killswitch.engaged";
    public static final String KILLSWITCH_RELEASED = "killswitch.released";
    /** A risk or compliance rule denied an order, cancelled the rest of one, or a circuit breaker tripped. */
    public static final String RISK_BREACHED = "risk.breached";
    /** The actor of every order change the risk engine causes; such a change also publishes {@link #RISK_BREACHED}. */
    public static final String RISK_ACTOR = "system:risk";
    public static final String RISK_OVERRIDE_CREATED = "risk.override.created";
    /** OrderStateSync: reconciliation found the OMS and IB disagreeing about an order, a fill or a position. */
    public static final String ORDER_STATE_SYNC = "order.state_sync";
    /** A reconciliation run finished (succeeded or failed), with its counts. */
    public static final String RECONCILIATION_COMPLETED = "reconciliation.completed";
    /** Position drift that repairs could not explain: recorded for a person, never overwritten (the alert). */
    public static final String RECONCILIATION_DISCREPANCY = "reconciliation.discrepancy";
    /** A signed message from an inbound webhook source was verified and accepted. */
    public static final String WEBHOOK_RECEIVED = "webhook.received";

    /** Aggregate types of the outbox: events are published in order per (aggregate type, aggregate id). */
    public static final String AGGREGATE_ORDER = "order";
    public static final String AGGREGATE_POSITION = "position";
    public static final String AGGREGATE_PNL_SNAPSHOT = "pnl_snapshot";
    public static final String AGGREGATE_KILL_SWITCH = "kill_switch";
    public static final String AGGREGATE_RISK_OVERRIDE = "risk_override";
    public static final String AGGREGATE_CIRCUIT_BREAKER = "circuit_breaker";
    public static final String AGGREGATE_RECONCILIATION = "reconciliation";
    public static final String AGGREGATE_WEBHOOK_SOURCE = "webhook_source";

    public static final Set<String> ORDER_EVENTS = Set.of(ORDER_CREATED, ORDER_ROUTED, ORDER_PARTIALLY_FILLED,
            ORDER_FILLED, ORDER_CANCELED, ORDER_REJECTED, ORDER_EXPIRED, ORDER_REPLACED, ORDER_DENIED);

    /** Every event type the outbox publishes: what webhook endpoints and the event stream may subscribe to. */
    public static final Set<String> PUBLISHED = Set.of(ORDER_CREATED, ORDER_ROUTED, ORDER_PARTIALLY_FILLED,
            ORDER_FILLED, ORDER_CANCELED, ORDER_REJECTED, ORDER_EXPIRED, ORDER_REPLACED, ORDER_DENIED, POSITION_UPDATED,
            PNL_SNAPSHOT_CREATED, KILLSWITCH_ENGAGED, KILLSWITCH_RELEASED, RISK_BREACHED, RISK_OVERRIDE_CREATED,
            ORDER_STATE_SYNC, RECONCILIATION_COMPLETED, RECONCILIATION_DISCREPANCY, WEBHOOK_RECEIVED);

    /**
     * What outbound webhook endpoints may subscribe to (also what {@code *} means for them): every published event
     * but {@link #WEBHOOK_RECEIVED}, so an endpoint pointed at the tenant's own inbound receiver cannot loop.
     */
    public static final Set<String> WEBHOOK_DELIVERABLE = PUBLISHED.stream()
            .filter(type -> !type.equals(WEBHOOK_RECEIVED)).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private DomainEvents() {}

    /** The event an order's state change publishes: the action itself when it is a domain event. */
    public static Optional<String> forOrderAction(String action) {
        return ORDER_EVENTS.contains(action) ? Optional.of(action) : Optional.empty();
    }
}
