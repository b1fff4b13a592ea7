package io.oms.ib.msg;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.WireException;
import java.math.BigDecimal;

/**
 * The variable-length groups inside the order layouts (placeOrder, openOrder, completedOrder). We never
 * send them (counts 0, flags off), but a frame from a real TWS or another client can carry them, and
 * every later field is only found by walking them: IB's decoders have no skip-by-length.
 */
final class OrderGroups {
    private OrderGroups() {}

    /** comboLegsCount (+8 per leg: conId, ratio, action, exchange, openClose, shortSaleSlot, designatedLocation,
     *  exemptCode), then orderComboLegsCount (+1 price each). comboLegsDescrip, where present, precedes this. */
    static void skipComboLegs(FieldReader r) {
        r.skip(count(r) * 8);
        r.skip(count(r));
    }

    /** A count followed by tag/value pairs (smartComboRoutingParams, algoParams). */
    static void skipTagValues(FieldReader r) { r.skip(count(r) * 2); }

    /** scaleInitLevelSize, scaleSubsLevelSize, scalePriceIncrement; 7 more scale fields when the increment
     *  is set and positive (IB's decoders test "> 0 and not Double.MAX_VALUE"). */
    static void skipScale(FieldReader r) {
        r.skip(2);
        BigDecimal increment = r.dec();
        if (increment != null && increment.signum() > 0) r.skip(7);
    }

    /** hedgeType, plus hedgeParam when the type is set. */
    static void skipHedge(FieldReader r) { if (r.str() != null) r.skip(1); }

    /** deltaNeutralContract flag, plus conId, delta, price when set. */
    static void skipDeltaNeutralContract(FieldReader r) { if (r.bool()) r.skip(3); }

    /** algoStrategy, plus a tag/value list when set. */
    static void skipAlgo(FieldReader r) { if (r.str() != null) skipTagValues(r); }

    /** PEG BENCH orders carry 5 peg fields before the conditions (spelling per IB's order-type names). */
    static void skipPegBench(FieldReader r, String orderType) {
        if (isPegBench(orderType)) r.skip(5);
    }

    static boolean isPegBench(String orderType) {
        return "PEG BENCH".equalsIgnoreCase(orderType) || "PEGBENCH".equalsIgnoreCase(orderType);
    }

    /**
     * conditionsCount, each condition as its type id plus type-specific fields, then conditionsIgnoreRth and
     * conditionsCancelOrder when the count is positive. The per-type field counts are NOT in our protocol
     * reference; they follow IB's condition classes (every type starts with the and/or conjunction).
     */
    static void skipConditions(FieldReader r) {
        int n = count(r);
        if (n == 0) return;
        for (int k = 0; k < n; k++) r.skip(conditionFieldCount(r.i()));
        r.skip(2);
    }

    static int conditionFieldCount(int type) {
        return switch (type) {
            case 1 -> 6; // price: conjunction, isMore, price, conId, exchange, triggerMethod
            case 3 -> 3; // time: conjunction, isMore, time
            case 4 -> 3; // margin: conjunction, isMore, percent
            case 5 -> 4; // execution: conjunction, secType, exchange, symbol
            case 6 -> 5; // volume: conjunction, isMore, volume, conId, exchange
            case 7 -> 5; // percent change: conjunction, isMore, changePercent, conId, exchange
            default -> throw new WireException("unknown order condition type " + type);
        };
    }

    /** A count that a hostile or corrupt frame could make negative; IB's loops simply do not run then. */
    private static int count(FieldReader r) { return Math.max(0, r.i()); }
}
