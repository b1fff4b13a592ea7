package io.oms.workflows.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.oms.workflows.domain.OrderState.CANCELED;
import static io.oms.workflows.domain.OrderState.DENIED;
import static io.oms.workflows.domain.OrderState.EXPIRED;
import static io.oms.workflows.domain.OrderState.FILLED;
import static io.oms.workflows.domain.OrderState.NEW;
import static io.oms.workflows.domain.OrderState.PARTIALLY_FILLED;
import static io.oms.workflows.domain.OrderState.PENDING_CANCEL;
import static io.oms.workflows.domain.OrderState.PENDING_MODIFY;
import static io.oms.workflows.domain.OrderState.REJECTED;
import static io.oms.workflows.domain.OrderState.ROUTED;

/**
 * The one table of legal order-state moves. Anything not listed is refused by {@link #check} (and by the
 * workflow, which logs it and applies nothing). A state never "moves" to itself: a repeat of what is already
 * known (a duplicate status, a second partial fill) changes quantities at most, never the state.
 *
 * <p>Why each row is what it is:
 * <ul>
 *   <li>NEW: IB does not order execDetails after orderStatus, so a fill may arrive before the acknowledgement
 *       (NEW to PARTIALLY_FILLED or FILLED). DENIED is only reachable from NEW: the pre-route checks run before
 *       anything is sent. A cancel may be asked before the acknowledgement (PENDING_CANCEL), and IB may end an
 *       order it never acknowledged to us (CANCELED, REJECTED, EXPIRED).</li>
 *   <li>ROUTED and PARTIALLY_FILLED are the working states: they fill, get cancel or modify requests, and IB may
 *       end them by itself (an IOC remainder CANCELED, a DAY order EXPIRED at the close). REJECTED after a fill is
 *       not a thing IB does: a partially filled order is never "rejected", it is cancelled.</li>
 *   <li>PENDING_CANCEL is still live exposure: until IB confirms, the order fills (PENDING_CANCEL to FILLED; a
 *       partial fill leaves it PENDING_CANCEL with more filled). IB's confirmation ends it CANCELED (or EXPIRED
 *       when the cancel was the expiry's). When IB refuses the cancel (10147, 10148, 161) the order goes back to
 *       the working state it was in: ROUTED or PARTIALLY_FILLED.</li>
 *   <li>PENDING_MODIFY keeps working on the old terms: it fills (to FILLED), IB may end it (CANCELED, EXPIRED),
 *       and IB's confirmation or refusal (104, 105) brings it back to ROUTED or PARTIALLY_FILLED. A cancel asked
 *       during a modify waits for the modify's answer, so PENDING_MODIFY never goes to PENDING_CANCEL directly.</li>
 *   <li>DENIED, FILLED, CANCELED, REJECTED and EXPIRED are terminal and absorb everything: a late status or a
 *       cancel confirmation racing the last fill is refused (whichever IB reported first wins).</li>
 * </ul>
 */
public final class OrderTransitions {
    private static final Map<OrderState, EnumSet<OrderState>> LEGAL = new EnumMap<>(OrderState.class);

    static {
        LEGAL.put(NEW, EnumSet.of(DENIED, ROUTED, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, REJECTED, EXPIRED));
        LEGAL.put(ROUTED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_MODIFY, PENDING_CANCEL, CANCELED, REJECTED, EXPIRED));
        LEGAL.put(PARTIALLY_FILLED, EnumSet.of(FILLED, PENDING_MODIFY, PENDING_CANCEL, CANCELED, EXPIRED));
        LEGAL.put(PENDING_CANCEL, EnumSet.of(ROUTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
        LEGAL.put(PENDING_MODIFY, EnumSet.of(ROUTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED));
        for (OrderState terminal : OrderState.values()) {
            if (terminal.isTerminal()) {
                LEGAL.put(terminal, EnumSet.noneOf(OrderState.class));
            }
        }
    }

    private OrderTransitions() {}

    public static boolean isLegal(OrderState from, OrderState to) {
        return LEGAL.get(from).contains(to);
    }

    /** The states {@code from} may move to (a copy). */
    public static Set<OrderState> targets(OrderState from) {
        return EnumSet.copyOf(LEGAL.get(from));
    }

    /** @throws IllegalTransitionException naming both states when the move is not in the table */
    public static void check(OrderState from, OrderState to) {
        if (!isLegal(from, to)) {
            throw new IllegalTransitionException(from, to);
        }
    }
}
