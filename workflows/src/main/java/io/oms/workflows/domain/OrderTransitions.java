package io.oms.workflows.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.oms.workflows.domain.OrderState.CANCELED;
import static io.oms.workflows.domain.OrderState.FILLED;
import static io.oms.workflows.domain.OrderState.NEW;
import static io.oms.workflows.domain.OrderState.PARTIALLY_FILLED;
import static io.oms.workflows.domain.OrderState.REJECTED;
import static io.oms.workflows.domain.OrderState.ROUTED;

/**
 * The one table of legal order-state moves. Anything not listed is refused by {@link #check}.
 *
 * <p>A fill may arrive before the broker's acknowledgement (IB does not order execDetails after
 * orderStatus), so NEW may move straight to PARTIALLY_FILLED or FILLED. A cancel confirmation may race
 * the last fill; whichever the broker reports first wins and the other is refused as illegal.
 */
public final class OrderTransitions {
    private static final Map<OrderState, Set<OrderState>> LEGAL = new EnumMap<>(OrderState.class);

    static {
        LEGAL.put(NEW, EnumSet.of(ROUTED, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED));
        LEGAL.put(ROUTED, EnumSet.of(PARTIALLY_FILLED, FILLED, CANCELED, REJECTED));
        LEGAL.put(PARTIALLY_FILLED, EnumSet.of(FILLED, CANCELED));
        LEGAL.put(FILLED, EnumSet.noneOf(OrderState.class));
        LEGAL.put(CANCELED, EnumSet.noneOf(OrderState.class));
        LEGAL.put(REJECTED, EnumSet.noneOf(OrderState.class));
    }

    private OrderTransitions() {}

    public static boolean isLegal(OrderState from, OrderState to) {
        return LEGAL.get(from).contains(to);
    }

    /** @throws IllegalTransitionException naming both states when the move is not in the table */
    public static void check(OrderState from, OrderState to) {
        if (!isLegal(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }
}
