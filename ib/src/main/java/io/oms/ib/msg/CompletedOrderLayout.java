package io.oms.ib.msg;

import static io.oms.ib.wire.ServerVersion.*;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * The completedOrder field sequence. UNVERIFIED: our protocol reference only names IB's decoder routine for
 * this message, it gives no field list and there is no golden frame. The order below is IB's completed-order
 * read sequence as independent client implementations decode it (field numbers after the id at sv >= 177;
 * faProfile below 177 shifts later ones by one). Unlike openOrder it has no orderId, clientId, auctionStrategy,
 * blockOrder, eTradeOnly/firmQuoteOnly/nbboPriceCap, parentId, basisPoints, optOutSmartRouting, whatIf or
 * margin block; delta-neutral extras are 4 fields, not 8. Totals after the id: 91 at 157, 96 at 176, 97 at 195.
 */
final class CompletedOrderLayout {
    private CompletedOrderLayout() {}

    static void write(CompletedOrder o, FieldWriter w, int sv) {
        w.i(MsgIds.COMPLETED_ORDER);
        // 1-11 contract: conId, symbol, secType, lastTradeDate, strike, right, multiplier, exchange, currency,
        //      localSymbol, tradingClass
        w.i(o.conId()).str(o.symbol()).str(o.secType()).empty().raw("0").empty().empty().str(o.exchange())
                .str(o.currency()).str(o.localSymbol()).str(o.tradingClass());
        // 12-17 action, totalQuantity, orderType, lmtPrice, auxPrice, tif
        w.str(o.action()).dec(o.totalQuantity()).str(o.orderType()).dec(o.lmtPrice()).dec(o.auxPrice()).str(o.tif());
        // 18-27 ocaGroup, account, openClose, origin, orderRef, permId, outsideRth, hidden, discretionaryAmt,
        //       goodAfterTime
        w.empty().str(o.account()).str(o.openClose()).i(0).str(o.orderRef()).l(o.permId()).bool(o.outsideRth())
                .i(0).i(0).empty();
        // 28-32 faGroup, faMethod, faPercentage, (faProfile < 177), modelCode, goodTillDate
        w.empties(3);
        if (sv < FA_PROFILE_DESUPPORT) w.empty();
        w.empty().str(o.goodTillDate());
        // 33-38 rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode
        w.empties(3).i(0).empty().i(-1);
        // 39-44 startingPrice, stockRefPrice, delta, stockRangeLower, stockRangeUpper, displaySize
        w.empties(6);
        // 45-49 sweepToFill, allOrNone, minQty, ocaType, triggerMethod
        w.i(0).i(0).empty().i(0).i(0);
        // 50-55 volatility, volatilityType, dnOrderType (empty: no DN extras), dnAuxPrice, continuousUpdate,
        //       referencePriceType
        w.empty().i(0).empty().empty().i(0).i(0);
        // 56-57 trailStopPrice, trailingPercent
        w.dec(o.trailStopPrice()).dec(o.trailingPercent());
        // 58-64 comboLegsDescrip, comboLegs/orderComboLegs/smartComboRoutingParams counts, scale x3
        w.empty().i(0).i(0).i(0).empties(3);
        // 65-74 hedgeType, clearingAccount, clearingIntent, notHeld, dnContract flag, algoStrategy, solicited,
        //       status, randomizeSize, randomizePrice
        w.empties(3).i(0).i(0).empty().i(0).str(o.status()).i(0).i(0);
        // PEG BENCH only: 5 peg fields before the conditions
        OpenOrderLayout.writePegBench(w, o.orderType());
        // 75 conditionsCount; 76-80 trailStopPrice (again, the one IB keeps), lmtPriceOffset, cashQty,
        //    dontUseAutoPriceForHedge, isOmsContainer
        w.i(0).dec(o.trailStopPrice()).empties(2).i(0).i(0);
        // 81-90 autoCancelDate, filledQuantity, refFuturesConId, autoCancelParent, shareholder, imbalanceOnly,
        //       routeMarketableToBbo, parentPermId, completedTime, completedStatus
        w.empty().dec(o.filledQuantity()).i(0).i(0).empty().i(0).i(0).longOrEmpty(o.parentPermId())
                .str(o.completedTime()).str(o.completedStatus());
        // 91+ version-gated tail: PEG BEST/MID attributes, customerAccount, professionalCustomer
        if (sv >= PEGBEST_PEGMID_OFFSETS) w.empties(5);
        if (sv >= CUSTOMER_ACCOUNT) w.empty();
        if (sv >= PROFESSIONAL_CUSTOMER) w.i(0);
    }

    static CompletedOrder read(FieldReader r, int sv) {
        OrderHead h = OrderHead.read(r);
        long permId = r.l();
        boolean outsideRth = r.bool();
        r.skip(3); // hidden, discretionaryAmt, goodAfterTime
        r.skip(sv < FA_PROFILE_DESUPPORT ? 5 : 4); // FA fields, modelCode
        String gtd = r.str();
        r.skip(6 + 6 + 5); // rule80A .. exemptCode; startingPrice .. displaySize; sweepToFill .. triggerMethod
        r.skip(2); // volatility, volatilityType
        String dnType = r.str();
        r.skip(1); // dnAuxPrice
        if (dnType != null) r.skip(4); // dn conId, shortSale, shortSaleSlot, designatedLocation
        r.skip(2); // continuousUpdate, referencePriceType
        r.skip(1); // first trailStopPrice: superseded by field 76
        BigDecimal trailingPercent = r.dec();
        r.skip(1); // comboLegsDescrip
        OrderGroups.skipComboLegs(r);
        OrderGroups.skipTagValues(r); // smart combo routing params
        OrderGroups.skipScale(r);
        OrderGroups.skipHedge(r);
        r.skip(3); // clearingAccount, clearingIntent, notHeld
        OrderGroups.skipDeltaNeutralContract(r);
        OrderGroups.skipAlgo(r);
        r.skip(1); // solicited
        String status = r.str();
        r.skip(2); // randomizeSize, randomizePrice
        OrderGroups.skipPegBench(r, h.orderType());
        OrderGroups.skipConditions(r);
        BigDecimal trailStopPrice = r.dec();
        r.skip(4 + 1); // lmtPriceOffset, cashQty, dontUseAutoPriceForHedge, isOmsContainer; autoCancelDate
        BigDecimal filled = r.dec();
        r.skip(5); // refFuturesConId, autoCancelParent, shareholder, imbalanceOnly, routeMarketableToBbo
        Long parentPermId = r.longOrNull();
        String completedTime = r.str();
        String completedStatus = r.str();
        if (sv >= PEGBEST_PEGMID_OFFSETS) r.skip(5);
        if (sv >= CUSTOMER_ACCOUNT) r.skip(1);
        if (sv >= PROFESSIONAL_CUSTOMER) r.skip(1);
        return new CompletedOrder(h.conId(), h.symbol(), h.secType(), h.exchange(), h.currency(), h.localSymbol(),
                h.tradingClass(), h.action(), h.quantity(), h.orderType(), h.lmtPrice(), h.auxPrice(), h.tif(), h.account(),
                h.openClose(), h.orderRef(), permId, parentPermId, outsideRth, gtd, trailStopPrice,
                trailingPercent, status, filled, completedTime, completedStatus);
    }
}
