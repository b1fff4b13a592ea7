package io.oms.ib.msg;

import static io.oms.ib.wire.ServerVersion.*;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * The full PLACE_ORDER field sequence (sv >= 145, no version field) with the version-gated tail.
 * Field numbers in comments are positions at sv 195; faProfile (sv < 177) shifts later ones by one.
 */
final class PlaceOrderLayout {
    private static final int MAX = Integer.MAX_VALUE;

    private PlaceOrderLayout() {}

    static void write(PlaceOrder o, FieldWriter w, int sv) {
        w.i(MsgIds.PLACE_ORDER).i(o.orderId());
        // 2-15 contract
        w.i(o.conId()).str(o.symbol()).str(o.secType()).empty().raw("0.0").empty().empty()
                .str(o.exchange()).str(o.primaryExchange()).str(o.currency()).empty().empty().empty().empty();
        // 16-20 main fields; prices use sendMax semantics (null = unset = empty)
        w.str(o.action()).dec(o.totalQuantity()).str(o.orderType()).dec(o.lmtPrice()).dec(o.auxPrice());
        // 21-27 tif, ocaGroup, account, openClose, origin (0 = customer), orderRef, transmit
        w.str(o.tif()).empty().str(o.account()).empty().i(0).str(o.orderRef()).bool(o.transmit());
        // 28-34 parentId, blockOrder, sweepToFill, displaySize, triggerMethod, outsideRth, hidden
        w.i(0).i(0).i(0).i(0).i(0).bool(o.outsideRth()).i(0);
        // BAG only: comboLegs, orderComboLegs, smartComboRoutingParams counts. We carry no legs, but the
        // counts keep the layout readable (and the simulator's decoder aligned).
        if ("BAG".equals(o.secType())) w.i(0).i(0).i(0);
        // 35-38 sharesAllocation (deprecated), discretionaryAmt (sent as a raw double), goodAfterTime, goodTillDate
        w.empty().raw(FieldWriter.DOUBLE_MAX).empty().str(o.goodTillDate());
        // 39-41 faGroup, faMethod, faPercentage (+ faProfile before 177)
        w.empties(3);
        if (sv < FA_PROFILE_DESUPPORT) w.empty();
        // 42-48 modelCode, shortSaleSlot, designatedLocation, exemptCode, ocaType, rule80A, settlingFirm
        w.empty().i(0).empty().i(-1).i(0).empty().empty();
        // 49-55 allOrNone, minQty, percentOffset, eTradeOnly, firmQuoteOnly, nbboPriceCap, auctionStrategy
        w.i(0).empty().empty().i(0).i(0).empty().i(0);
        // 56-61 startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper, overridePercentageConstraints
        w.empties(5).i(0);
        // 62-67 volatility, volatilityType, dnOrderType, dnAuxPrice, continuousUpdate, referencePriceType
        w.empty().i(MAX).empty().empty().i(0).i(MAX);
        // 68-69 trailStopPrice, trailingPercent: IB's sendMax, so unset (null) is the empty field
        w.dec(o.trailStopPrice()).dec(o.trailingPercent());
        // 70-75 scale init/subs/increment, scaleTable, activeStartTime, activeStopTime
        w.empties(6);
        // 76-81 hedgeType, optOutSmartRouting, clearingAccount, clearingIntent, notHeld, dnContract flag
        w.empty().i(0).empty().empty().i(0).i(0);
        // 82-89 algoStrategy, algoId, whatIf, orderMiscOptions, solicited, randomizeSize, randomizePrice, conditions
        w.empty().empty().i(0).empty().i(0).i(0).i(0).i(0);
        // 90-96 adjusted order fields; unset doubles go out as Double.MAX_VALUE literally
        w.empty();
        for (int k = 0; k < 5; k++) w.raw(FieldWriter.DOUBLE_MAX);
        w.i(0);
        // 97-104 extOperator, softDollarTier name/value, cashQty, 4 x mifid2
        w.empties(8);
        // 105-108 dontUseAutoPriceForHedge, isOmsContainer, discretionaryUpToLimitPrice, usePriceMgmtAlgo
        w.i(0).i(0).i(0).empty();
        // 109+ version-gated tail
        if (sv >= DURATION) w.i(MAX);
        if (sv >= POST_TO_ATS) w.i(MAX);
        if (sv >= AUTO_CANCEL_PARENT) w.i(0);
        if (sv >= ADVANCED_REJECT) w.empty();
        if (sv >= MANUAL_ORDER_TIME) w.empty();
        // minTradeQty / PEG BEST / PEG MID fields (sv >= 170) apply only to IBKRATS and PEG types: not sent here.
        if (sv >= CUSTOMER_ACCOUNT) w.empty();
        if (sv >= PROFESSIONAL_CUSTOMER) w.i(0);
        if (sv >= RFQ_FIELDS && sv < UNDO_RFQ_FIELDS) w.empty().i(MAX);
        if (sv >= INCLUDE_OVERNIGHT) w.i(0);
        if (sv >= CME_TAGGING) w.i(MAX);
    }

    /**
     * Reads fields 1..69 and ignores the rest: a server may read only the prefix it needs. The BAG and
     * delta-neutral groups are walked because goodTillDate and the trailing fields sit after them.
     */
    static PlaceOrder read(FieldReader r, int sv) {
        int orderId = r.i();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // lastTradeDate, strike, right, multiplier
        String exchange = r.str();
        String primary = r.str();
        String currency = r.str();
        r.skip(4); // localSymbol, tradingClass, secIdType, secId
        String action = r.str();
        BigDecimal qty = r.dec();
        String type = r.str();
        BigDecimal lmt = r.dec();
        BigDecimal aux = r.dec();
        String tif = r.str();
        r.skip(1); // ocaGroup
        String account = r.str();
        r.skip(2); // openClose, origin
        String ref = r.str();
        boolean transmit = r.bool();
        r.skip(5); // parentId, blockOrder, sweepToFill, displaySize, triggerMethod
        boolean outsideRth = r.bool();
        r.skip(1); // hidden
        if ("BAG".equals(secType)) {
            OrderGroups.skipComboLegs(r); // legs (8 each), then per-leg order prices
            OrderGroups.skipTagValues(r); // smart combo routing params
        }
        r.skip(3); // sharesAllocation, discretionaryAmt, goodAfterTime
        String gtd = r.str();
        r.skip(sv < FA_PROFILE_DESUPPORT ? 4 : 3); // faGroup, faMethod, faPercentage (+ faProfile)
        r.skip(7 + 7 + 6); // modelCode .. settlingFirm; allOrNone .. auctionStrategy; startingPrice .. override
        r.skip(2); // volatility, volatilityType
        String dnType = r.str();
        r.skip(1); // deltaNeutralAuxPrice
        if (dnType != null) r.skip(8); // dn conId, settlingFirm, clearing x2, openClose, shortSale, slot, location
        r.skip(2); // continuousUpdate, referencePriceType
        BigDecimal trailStopPrice = r.dec();
        BigDecimal trailingPercent = r.dec();
        return new PlaceOrder(orderId, conId, symbol, secType, exchange, primary, currency, action, qty, type, lmt, aux,
                tif, account, ref, transmit, outsideRth, gtd, trailStopPrice, trailingPercent);
    }
}
