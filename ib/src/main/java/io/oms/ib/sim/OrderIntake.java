package io.oms.ib.sim;

import io.oms.ib.msg.PlaceOrder;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * placeOrder handling in IB's order:
 * <ul>
 *   <li>id of this client's working order: a modify (price, size, tif, trailing settings), answered with
 *       openOrder + orderStatus; 105 if symbol/side/type differ; an invalid modify gets 201 and the order
 *       carries on unchanged (re-announced with openOrder + orderStatus);</li>
 *   <li>id of a held (transmit=0) order: the order is replaced and, if transmit=1 now, sent;</li>
 *   <li>id of a filled order: 104; any other id not above the client's high-water mark: 103;</li>
 *   <li>otherwise a new order: 201 + Inactive when invalid, Inactive when transmit=0, else PreSubmitted,
 *       then Submitted (stop types stay PreSubmitted until elected) and matching.</li>
 * </ul>
 * Faults on new orders: a swallowed placement is dropped before anything above (no order, no answer, the id
 * stays free); a delayed acknowledgement creates and works the order at once but holds its messages back.
 * Every placeOrder is counted per orderRef ({@link PlacementLog}), swallowed ones included.
 */
final class OrderIntake {
    private final SimEngine e;
    final OrderValidator validator;

    OrderIntake(SimEngine engine) {
        this.e = engine;
        this.validator = new OrderValidator(engine);
    }

    void place(SimSession c, PlaceOrder p) {
        int cid = c.clientId();
        SimOrder existing = e.book.get(cid, p.orderId());
        e.placements.received(p.orderRef());
        if (existing == null && e.faults.swallowPlacement.fire(e.faults.random)) {
            e.placements.swallowed(p.orderRef());
            return;
        }
        if (existing != null && existing.isWorking()) {
            modify(c, existing, p);
            return;
        }
        if (existing != null && SimOrder.FILLED.equals(existing.status)) {
            c.send(e.error(p.orderId(), 104, "Can't modify a filled order."));
            return;
        }
        boolean replacesHeld = existing != null && existing.isHeldUntransmitted();
        if (!replacesHeld && p.orderId() <= e.book.maxId(cid)) {
            c.send(e.error(p.orderId(), 103, "Duplicate order id"));
            return;
        }
        e.book.noteId(cid, p.orderId());
        SimOrder o = replacesHeld ? existing : create(p, false, cid, p.orderId());
        if (replacesHeld) {
            apply(o, p);
        } else {
            e.book.add(o);
        }
        String invalid = validator.check(p, BigDecimal.ZERO);
        if (invalid != null) {
            c.send(e.error(p.orderId(), 201, "Order rejected - reason:" + invalid));
            o.complete(SimOrder.INACTIVE, e.clock.instant(), invalid);
            e.out.publish(o);
            return;
        }
        if (!p.transmit()) {
            o.status = SimOrder.INACTIVE; // held in TWS, never sent to IB
            e.out.publish(o);
            return;
        }
        if (!replacesHeld && e.faults.delayAck.fire(e.faults.random)) e.out.holdBack(o, e.faults.ackDelay);
        accept(o);
    }

    /** A TWS-entered order (clientId 0, orderId 0 until bound); throws when IB would reject it. */
    long placeManual(PlaceOrder p) {
        String invalid = validator.check(p, BigDecimal.ZERO);
        if (invalid != null) throw new IllegalArgumentException(invalid);
        SimOrder o = create(p, true, 0, 0);
        e.book.add(o);
        accept(o);
        return o.permId;
    }

    private SimOrder create(PlaceOrder p, boolean manual, int clientId, int orderId) {
        String account = p.account() == null ? e.config.accounts().get(0) : p.account();
        String action = "SSHORT".equals(p.action()) ? "SELL" : p.action();
        SimOrder o = new SimOrder(e.book.newPermId(), manual, clientId, orderId, account, p.symbol(),
                orElse(p.secType(), "STK"), orElse(p.exchange(), "SMART"), orElse(p.currency(), "USD"), action,
                p.orderType(), p.orderRef());
        apply(o, p);
        return o;
    }

    private void apply(SimOrder o, PlaceOrder p) {
        o.quantity = p.totalQuantity();
        o.limitPrice = p.lmtPrice();
        o.auxPrice = p.auxPrice();
        o.trailingPercent = p.trailingPercent();
        if (p.trailStopPrice() != null) o.trailStopPrice = p.trailStopPrice();
        o.tif = OrderValidator.tif(p);
        o.outsideRth = p.outsideRth();
        o.goodTillDate = "GTD".equals(o.tif) ? p.goodTillDate() : null;
        o.expiresAt = "GTD".equals(o.tif) ? validator.goodTill(p) : null;
    }

    private void accept(SimOrder o) {
        o.transmitted = true;
        o.status = SimOrder.PRE_SUBMITTED;
        e.triggers.init(o);
        e.out.publish(o);
        if (!o.isStopType()) {
            o.status = SimOrder.SUBMITTED;
            e.out.publish(o);
        }
        e.matching.evaluate(o);
    }

    private void modify(SimSession c, SimOrder o, PlaceOrder p) {
        if (!Objects.equals(o.symbol, p.symbol()) || !Objects.equals(o.orderType, p.orderType())
                || !o.action.equals("SSHORT".equals(p.action()) ? "SELL" : p.action())) {
            c.send(e.error(p.orderId(), 105, "Order being modified does not match original order."));
            return;
        }
        String invalid = SimOrder.PENDING_CANCEL.equals(o.status) ? "Order is pending cancel"
                : validator.check(p, o.filled);
        if (invalid != null) {
            c.send(e.error(p.orderId(), 201, "Order rejected - reason:" + invalid));
            e.out.publish(o); // unchanged and still working
            return;
        }
        apply(o, p);
        e.out.publish(o);
        e.matching.evaluate(o);
    }

    private static String orElse(String v, String d) { return v == null || v.isBlank() ? d : v; }
}
