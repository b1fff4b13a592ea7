package io.oms.ib.msg;

import static io.oms.ib.wire.ServerVersion.*;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;

/**
 * The openOrder field sequence (field numbers = positions at sv 195, counted after the message id;
 * faProfile before sv 177 shifts later fields by one). Reference: 145 fields at 195, 127 at 176, 119 at 157.
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
        w.empty().empty();
        // 36-42 rule80A, percentOffset, settlingFirm, shortSaleSlot, designatedLocation, exemptCode, auctionStrategy
        w.empties(3).i(0).empty().i(-1).i(0);
        // 43-48 startingPrice, stockRefPrice, delta, stockRangeLower/Upper, displaySize
        w.empties(6);
        // 49-58 blockOrder, sweepToFill, allOrNone, minQty, ocaType, eTradeOnly, firmQuoteOnly, nbboPriceCap,
        //       parentId, triggerMethod
        w.i(0).i(0).i(0).empty().i(0).i(0).i(0).empty().i(0).i(0);
        // 59-64 volatility, volatilityType, dnOrderType (empty: no DN extras), dnAuxPrice, continuousUpdate, refPriceType
        w.empty().i(0).empty().empty().i(0).i(0);
        // 65-72 trailStopPrice, trailingPercent, basisPoints, basisPointsType, comboLegsDescrip, 3 zero counts
        w.empties(5).i(0).i(0).i(0);
        // 73-84 scale x3, hedgeType, optOutSmartRouting, clearingAccount, clearingIntent, notHeld, dnContract,
        //       algoStrategy, solicited, whatIf
        w.empties(4).i(0).empty().empty().i(0).i(0).empty().i(0).i(0);
        // 85 status, 86-98 margin/commission block
        w.str(o.status()).empties(13);
        // 99-111 sv 195 full order preview: marginCurrency, 9 x outside-RTH, suggestedSize, rejectReason, allocations
        if (sv >= FULL_ORDER_PREVIEW) w.empties(12).i(0);
        // 112-115 warningText, randomizeSize, randomizePrice, conditionsCount
        w.empty().i(0).i(0).i(0);
        // 116-123 adjusted order fields, adjustableTrailingUnit
        w.empties(7).i(0);
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

    static OpenOrder read(FieldReader r, int sv) {
        int orderId = r.i();
        int conId = r.i();
        String symbol = r.str();
        String secType = r.str();
        r.skip(4); // lastTradeDate, strike, right, multiplier
        String exchange = r.str();
        String currency = r.str();
        String local = r.str();
        String tclass = r.str();
        String action = r.str();
        BigDecimal qty = r.dec();
        String type = r.str();
        BigDecimal lmt = r.dec();
        BigDecimal aux = r.dec();
        String tif = r.str();
        r.skip(1); // ocaGroup
        String account = r.str();
        String openClose = r.str();
        r.skip(1); // origin
        String ref = r.str();
        int clientId = r.i();
        long permId = r.l();
        boolean outsideRth = r.bool();
        r.skip(4); // hidden, discretionaryAmt, goodAfterTime, sharesAllocation
        r.skip(sv < FA_PROFILE_DESUPPORT ? 4 : 3);
        r.skip(25); // modelCode .. triggerMethod
        r.skip(2); // volatility, volatilityType
        if (r.str() != null) r.skip(8); // delta-neutral order extras
        r.skip(3 + 4 + 1); // dnAuxPrice, continuousUpdate, refPriceType; trail/basis x4; comboLegsDescrip
        r.skip(r.i() * 8); // combo legs
        r.skip(r.i()); // order combo leg prices
        r.skip(r.i() * 2); // smart combo routing params
        r.skip(2); // scaleInitLevelSize, scaleSubsLevelSize
        BigDecimal scaleIncrement = r.dec();
        if (scaleIncrement != null && scaleIncrement.signum() > 0) r.skip(7);
        if (r.str() != null) r.skip(1); // hedgeType -> hedgeParam
        r.skip(4); // optOutSmartRouting, clearingAccount, clearingIntent, notHeld
        if (r.bool()) r.skip(3); // delta-neutral contract
        if (r.str() != null) r.skip(r.i() * 2); // algo params
        r.skip(2); // solicited, whatIf
        String status = r.str();
        return new OpenOrder(orderId, conId, symbol, secType, exchange, currency, local, tclass, action, qty, type, lmt,
                aux, tif, account, openClose, ref, clientId, permId, outsideRth, status);
    }
}
