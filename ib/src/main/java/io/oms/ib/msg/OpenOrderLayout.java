package io.oms.ib.msg;

import static io.oms.ib.wire.ServerVersion.*;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * The openOrder field sequence (field numbers = positions at sv 195, counted after the message id;
 * faProfile before sv 177 shifts later fields by one). Reference: 145 fields at 195, 127 at 176, 119 at 157.
 * trailStopPrice appears twice (65 and 118); IB's decoder keeps the second, so we write both and read that.
 */
final class OpenOrderLayout {
    private OpenOrderLayout() {}

    static void write(OpenOrder o, FieldWriter w, int sv) {
        w.i(MsgIds.OPEN_ORDER).i(o.orderId());
        // 2-12 contract
        w.i(o.conId()).str(o.symbol()).str(o.secType()).empty().raw("0").empty().empty().str(o.exchange())
                .str(o.currency()).str(o.localSymbol()).str(o.tradingClass());
        // 13-18 action, totalQuantity, orderType, lmtPrice, auxPrice, tif
        w.str(o.action()).dec(o.totalQuantity()).str(o.orderType()).dec(o.lmtPrice()).dec(o.auxPrice()).str(o.tif());
        // 19-30 ocaGroup, account, openClose, origin, orderRef, clientId, permId, outsideRth, hidden,
        //       discretionaryAmt, goodAfterTime, sharesAllocation
        w.empty().str(o.account()).str(o.openClose()).i(0).str(o.orderRef()).i(o.clientId()).l(o.permId())
                .bool(o.outsideRth()).i(0).i(0).empty().empty();
        // 31-35 faGroup, faMethod, faPercentage, (faProfile < 177), modelCode, goodTillDate
        w.empties(3);
        if (sv < FA_PROFILE_DESUPPORT) w.empty();
        w.empty().str(o.goodTillDate());
        // 36-42 rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode, auctionStrategy
        w.empties(3).i(0).empty().i(-1).i(0);
        // 43-48 startingPrice, stockRefPrice, delta, stockRangeLower/Upper, displaySize
        w.empties(6);
        // 49-58 blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap,
        //       parentId, triggerMethod
        w.i(0).i(0).i(0).empty().i(0).i(0).i(0).empty().i(0).i(0);
        // 59-64 volatility, volatilityType, dnOrderType (empty: no DN extras), dnAuxPrice, continuousUpdate, refPriceType
        w.empty().i(0).empty().empty().i(0).i(0);
        // 65-66 trailStopPrice, trailingPercent ('' = unset, read back as IB's Double.MAX_VALUE)
        w.dec(o.trailStopPrice()).dec(o.trailingPercent());
        // 67-72 basisPoints, basisPointsType, comboLegsDescrip, 3 zero counts
        w.empties(3).i(0).i(0).i(0);
        // 73-84 scale x3, hedgeType, optOutSmartRouting, clearingAccount, clearingIntent, notHeld, dnContract,
        //       algoStrategy, solicited, whatIf
        w.empties(4).i(0).empty().empty().i(0).i(0).empty().i(0).i(0);
        // 85 status, 86-98 margin/commission block
        w.str(o.status()).empties(13);
        // 99-111 sv 195 full order preview: marginCurrency, 9 x outside-RTH, suggestedSize, rejectReason, allocations
        if (sv >= FULL_ORDER_PREVIEW) w.empties(12).i(0);
        // 112-114 warningText, randomizeSize, randomizePrice; PEG BENCH peg fields; 115 conditionsCount
        w.empty().i(0).i(0);
        writePegBench(w, o.orderType());
        w.i(0);
        // 116-123 adjustedOrderType, triggerPrice, trailStopPrice (again), lmtPriceOffset, adjusted stop,
        //         stop-limit, trailing amount, adjustableTrailingUnit
        w.empties(2).dec(o.trailStopPrice()).empties(4).i(0);
        // 124-131 softDollarTier x3, cashQty, dontUseAutoPriceForHedge, isOmsContainer,
        //         discretionaryUpToLimitPrice, usePriceMgmtAlgo
        w.empties(4).i(0).i(0).i(0).i(0);
        // 132+ version-gated tail
        if (sv >= DURATION) w.empty();
        if (sv >= POST_TO_ATS) w.empty();
        if (sv >= AUTO_CANCEL_PARENT) w.i(0);
        if (sv >= PEGBEST_PEGMID_OFFSETS) w.empties(5);
        if (sv >= CUSTOMER_ACCOUNT) w.empty();
        if (sv >= PROFESSIONAL_CUSTOMER) w.i(0);
        if (sv >= BOND_ACCRUED_INTEREST) w.empty();
        if (sv >= INCLUDE_OVERNIGHT) w.i(0);
        if (sv >= CME_TAGGING_OPEN_ORDER) w.empties(2);
    }

    /** A PEG BENCH order has 5 more fields (reference conId, decrease flag, pegged/reference change, exchange). */
    static void writePegBench(FieldWriter w, String orderType) {
        if (OrderGroups.isPegBench(orderType)) w.i(0).i(0).raw("0").raw("0").empty();
    }

    static OpenOrder read(FieldReader r, int sv) {
        int orderId = r.i();
        OrderHead h = OrderHead.read(r);
        int clientId = r.i();
        long permId = r.l();
        boolean outsideRth = r.bool();
        r.skip(4); // hidden, discretionaryAmt, goodAfterTime, sharesAllocation
        r.skip(sv < FA_PROFILE_DESUPPORT ? 5 : 4); // FA fields, modelCode
        String gtd = r.str();
        r.skip(23); // rule80A .. triggerMethod
        r.skip(2); // volatility, volatilityType
        String dnType = r.str();
        r.skip(1); // dnAuxPrice
        if (dnType != null) r.skip(8); // dn conId, settlingFirm, clearing x2, openClose, shortSale, slot, location
        r.skip(2); // continuousUpdate, referencePriceType
        r.skip(1); // first trailStopPrice: superseded by the one at 118
        BigDecimal trailingPercent = r.dec();
        r.skip(3); // basisPoints, basisPointsType, comboLegsDescrip
        OrderGroups.skipComboLegs(r);
        OrderGroups.skipTagValues(r); // smart combo routing params
        OrderGroups.skipScale(r);
        OrderGroups.skipHedge(r);
        r.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
        OrderGroups.skipDeltaNeutralContract(r);
        OrderGroups.skipAlgo(r);
        r.skip(2); // solicited, whatIf
        String status = r.str();
        r.skip(13); // margins before/change/after, commission min/max/currency
        if (sv >= FULL_ORDER_PREVIEW) {
            r.skip(12); // marginCurrency, 9 x outside-RTH margins, suggestedSize, rejectReason
            r.skip(Math.max(0, r.i()) * 7); // order allocations
        }
        r.skip(3); // warningText, randomizeSize, randomizePrice
        OrderGroups.skipPegBench(r, h.orderType());
        OrderGroups.skipConditions(r);
        r.skip(2); // adjustedOrderType, triggerPrice
        BigDecimal trailStopPrice = r.dec();
        r.skip(5 + 8); // adjusted block rest; softDollarTier .. usePriceMgmtAlgo
        skipTail(r, sv);
        return new OpenOrder(orderId, h.conId(), h.symbol(), h.secType(), h.exchange(), h.currency(), h.localSymbol(),
                h.tradingClass(), h.action(), h.quantity(), h.orderType(), h.lmtPrice(), h.auxPrice(), h.tif(), h.account(),
                h.openClose(), h.orderRef(), clientId, permId, outsideRth, status, gtd, trailStopPrice,
                trailingPercent);
    }

    /** Walked rather than ignored so a layout mistake shows up as a short frame in tests, not silently. */
    private static void skipTail(FieldReader r, int sv) {
        if (sv >= DURATION) r.skip(1);
        if (sv >= POST_TO_ATS) r.skip(1);
        if (sv >= AUTO_CANCEL_PARENT) r.skip(1);
        if (sv >= PEGBEST_PEGMID_OFFSETS) r.skip(5);
        if (sv >= CUSTOMER_ACCOUNT) r.skip(1);
        if (sv >= PROFESSIONAL_CUSTOMER) r.skip(1);
        if (sv >= BOND_ACCRUED_INTEREST) r.skip(1);
        if (sv >= INCLUDE_OVERNIGHT) r.skip(1);
        if (sv >= CME_TAGGING_OPEN_ORDER) r.skip(2);
    }
}
