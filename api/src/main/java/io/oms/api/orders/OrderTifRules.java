package io.oms.api.orders;

import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Time in force and session rules. GTD needs an expiry in the future and no other time in force takes one.
 * MOC and LOC trade in the day's closing auction, so they are DAY orders (never IOC or FOK, which ask for an
 * immediate execution) and never outside regular hours; OPG takes part in the opening auction, which only MKT
 * and LMT orders can, and is not an outside-regular-hours order either.
 */
final class OrderTifRules {
    private OrderTifRules() {}

    /** @param expireAtGiven whether the body had an expireAt (a malformed one is already reported) */
    static void check(OrderValidation.ValidOrder order, boolean expireAtGiven, Instant now, List<FieldProblem> problems) {
        TimeInForce tif = order.tif();
        OrderType type = order.type();
        if (tif != null) {
            expiry(problems, tif, order.expireAt(), expireAtGiven, now);
        }
        boolean closeAuction = type == OrderType.MOC || type == OrderType.LOC;
        if (closeAuction && tif != null && tif != TimeInForce.DAY) {
            problems.add(new FieldProblem("tif", tif == TimeInForce.IOC || tif == TimeInForce.FOK
                    ? tif + " cannot be used for " + type + " orders: they wait for the closing auction and never execute immediately"
                    : "must be DAY for " + type + " orders: they trade in the closing auction of the day they are placed"));
        } else if (tif == TimeInForce.OPG && type != null && type != OrderType.MKT && type != OrderType.LMT) {
            problems.add(new FieldProblem("tif", "OPG is only for MKT and LMT orders: only they take part in the opening auction"));
        }
        if (order.outsideRth() && closeAuction) {
            problems.add(new FieldProblem("outsideRth", "must be false for " + type + " orders: they trade only in the closing auction"));
        } else if (order.outsideRth() && tif == TimeInForce.OPG) {
            problems.add(new FieldProblem("outsideRth", "must be false for OPG orders: they trade only in the opening auction"));
        }
    }

    private static void expiry(List<FieldProblem> problems, TimeInForce tif, Instant expireAt, boolean given, Instant now) {
        if (tif != TimeInForce.GTD) {
            if (given) {
                problems.add(new FieldProblem("expireAt", "must be absent unless tif is GTD"));
            }
        } else if (!given) {
            problems.add(new FieldProblem("expireAt", "is required for GTD orders"));
        } else if (expireAt != null && !expireAt.truncatedTo(ChronoUnit.SECONDS).isAfter(now)) {
            // IB's goodTillDate has whole seconds: the expiry must still be ahead once cut to its second.
            problems.add(new FieldProblem("expireAt", "must be in the future"));
        }
    }
}
