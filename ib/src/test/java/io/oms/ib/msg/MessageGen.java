package io.oms.ib.msg;

import static io.oms.ib.wire.ServerVersion.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One random-instance generator per message record, producing only values that are legal at the given
 * server version (fields a version does not carry are left at the value the decoder yields for them).
 * Client messages use ASCII text only, as IB's client refuses anything else; server text may be unicode.
 */
final class MessageGen {
    private MessageGen() {}

    static final Map<Class<? extends ClientMessage>, BiFunction<Gen, Integer, ClientMessage>> CLIENT = new LinkedHashMap<>();
    static final Map<Class<? extends ServerMessage>, BiFunction<Gen, Integer, ServerMessage>> SERVER = new LinkedHashMap<>();

    private static final String[] ORDER_TYPES = {"MKT", "LMT", "STP", "STP LMT", "TRAIL", "MOC", "LOC", "PEG BENCH", "REL"};
    private static final String[] TIFS = {"DAY", "GTC", "IOC", "FOK", "GTD", "OPG"};
    private static final String[] SEC_TYPES = {"STK", "OPT", "FUT", "CASH", "BAG"};
    private static final String[] STATUSES = {"PreSubmitted", "Submitted", "Filled", "Cancelled", "Inactive",
            "PendingCancel", "ApiCancelled", "PendingSubmit"};

    static {
        CLIENT.put(StartApi.class, (g, sv) -> new StartApi(g.anyInt(), g.ascii()));
        CLIENT.put(ReqIds.class, (g, sv) -> new ReqIds(g.anyInt()));
        CLIENT.put(ReqCurrentTime.class, (g, sv) -> new ReqCurrentTime());
        CLIENT.put(PlaceOrder.class, MessageGen::placeOrder);
        CLIENT.put(CancelOrder.class, (g, sv) -> new CancelOrder(g.anyInt(), sv >= MANUAL_ORDER_TIME ? g.ascii() : null));
        CLIENT.put(ReqOpenOrders.class, (g, sv) -> new ReqOpenOrders());
        CLIENT.put(ReqAllOpenOrders.class, (g, sv) -> new ReqAllOpenOrders());
        CLIENT.put(ReqExecutions.class, (g, sv) -> new ReqExecutions(g.anyInt(), new ExecutionFilter(g.anyInt(), g.ascii(),
                g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.ascii())));
        CLIENT.put(ReqPositions.class, (g, sv) -> new ReqPositions());
        CLIENT.put(ReqManagedAccts.class, (g, sv) -> new ReqManagedAccts());
        CLIENT.put(ReqMktData.class, (g, sv) -> new ReqMktData(g.anyInt(), g.anyInt(), g.ascii(), g.pick(SEC_TYPES),
                g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.bool(), g.bool()));
        CLIENT.put(ReqGlobalCancel.class, (g, sv) -> new ReqGlobalCancel());
        CLIENT.put(ReqCompletedOrders.class, (g, sv) -> new ReqCompletedOrders(g.bool()));
        CLIENT.put(CancelMktData.class, (g, sv) -> new CancelMktData(g.anyInt()));
        CLIENT.put(ReqMarketDataType.class, (g, sv) -> new ReqMarketDataType(1 + g.rnd.nextInt(4)));

        SERVER.put(ManagedAccounts.class, (g, sv) -> new ManagedAccounts(accounts(g)));
        SERVER.put(NextValidId.class, (g, sv) -> new NextValidId(g.anyInt()));
        SERVER.put(CurrentTime.class, (g, sv) -> new CurrentTime(g.rnd.nextLong()));
        SERVER.put(ErrorMessage.class, (g, sv) -> new ErrorMessage(g.anyInt(), g.anyInt(), g.text(),
                sv >= ADVANCED_REJECT ? g.text() : null, sv >= ERROR_TIME ? g.rnd.nextLong() : 0L));
        SERVER.put(OrderStatus.class, (g, sv) -> new OrderStatus(g.anyInt(), g.pick(STATUSES), g.dec(false), g.dec(false),
                g.dec(true), g.permId(sv), g.anyInt(), g.dec(true), g.anyInt(), g.ascii(), g.dec(true)));
        SERVER.put(OpenOrder.class, MessageGen::openOrder);
        SERVER.put(OpenOrderEnd.class, (g, sv) -> new OpenOrderEnd());
        SERVER.put(ExecDetails.class, (g, sv) -> new ExecDetails(g.anyInt(), g.anyInt(), g.anyInt(), g.ascii(), g.ascii(),
                g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.ascii(), g.pick("BOT", "SLD"),
                g.dec(false), g.dec(true), g.permId(sv), g.anyInt(), g.anyInt(), g.dec(false), g.dec(true), g.ascii(),
                g.ascii(), g.dec(true), g.ascii(), g.anyInt(), sv >= PENDING_PRICE_REVISION && g.bool()));
        SERVER.put(ExecDetailsEnd.class, (g, sv) -> new ExecDetailsEnd(g.anyInt()));
        SERVER.put(CommissionReport.class, (g, sv) -> new CommissionReport(g.ascii(), g.dec(true), g.ascii(), g.dec(true),
                g.dec(true), g.chance(50) ? null : g.anyInt()));
        SERVER.put(Position.class, (g, sv) -> new Position(g.ascii(), g.anyInt(), g.ascii(), g.ascii(), g.ascii(),
                g.ascii(), g.ascii(), g.ascii(), g.dec(true), g.dec(true)));
        SERVER.put(PositionEnd.class, (g, sv) -> new PositionEnd());
        SERVER.put(TickReqParams.class, (g, sv) -> new TickReqParams(g.anyInt(), g.dec(false), g.ascii(), g.anyInt()));
        SERVER.put(TickPrice.class, (g, sv) -> new TickPrice(g.anyInt(), g.anyInt(), g.dec(true), g.dec(false), g.rnd.nextInt(8)));
        SERVER.put(TickSize.class, (g, sv) -> new TickSize(g.anyInt(), g.anyInt(), g.dec(false)));
        SERVER.put(TickString.class, (g, sv) -> new TickString(g.anyInt(), g.anyInt(), g.text()));
        SERVER.put(TickGeneric.class, (g, sv) -> new TickGeneric(g.anyInt(), g.anyInt(), g.dec(true)));
        SERVER.put(MarketDataType.class, (g, sv) -> new MarketDataType(g.anyInt(), 1 + g.rnd.nextInt(4)));
        SERVER.put(OrderBound.class, (g, sv) -> new OrderBound(g.permId(sv), g.anyInt(), g.anyInt()));
        SERVER.put(CompletedOrder.class, MessageGen::completedOrder);
        SERVER.put(CompletedOrdersEnd.class, (g, sv) -> new CompletedOrdersEnd());
    }

    private static List<String> accounts(Gen g) {
        List<String> out = new ArrayList<>();
        int n = g.rnd.nextInt(4);
        for (int i = 0; i < n; i++) out.add("DU" + g.rnd.nextInt(10_000_000));
        return out;
    }

    static PlaceOrder placeOrder(Gen g, int sv) {
        return new PlaceOrder(g.anyInt(), g.anyInt(), g.ascii(), g.pick(SEC_TYPES), g.ascii(), g.ascii(), g.ascii(),
                g.pick("BUY", "SELL", "SSHORT"), g.dec(false), g.pick(ORDER_TYPES), g.dec(true), g.dec(true), g.pick(TIFS),
                g.ascii(), g.ascii(), g.bool(), g.bool(), g.goodTillDate(), g.dec(true), g.dec(false));
    }

    static OpenOrder openOrder(Gen g, int sv) {
        return new OpenOrder(g.anyInt(), g.anyInt(), g.ascii(), g.pick(SEC_TYPES), g.ascii(), g.ascii(), g.ascii(),
                g.ascii(), g.pick("BUY", "SELL"), g.dec(false), g.pick(ORDER_TYPES), g.dec(true), g.dec(true),
                g.pick(TIFS), g.ascii(), g.pick("O", "C"), g.ascii(), g.anyInt(), g.permId(sv), g.bool(),
                g.pick(STATUSES), g.goodTillDate(), g.dec(true), g.dec(false));
    }

    static CompletedOrder completedOrder(Gen g, int sv) {
        return new CompletedOrder(g.anyInt(), g.ascii(), g.pick(SEC_TYPES), g.ascii(), g.ascii(), g.ascii(), g.ascii(),
                g.pick("BUY", "SELL"), g.dec(false), g.pick(ORDER_TYPES), g.dec(true), g.dec(true), g.pick(TIFS),
                g.ascii(), g.pick("O", "C"), g.ascii(), g.permId(sv), g.chance(30) ? null : g.permId(sv), g.bool(),
                g.goodTillDate(), g.dec(true), g.dec(false), g.pick(STATUSES), g.dec(false), g.text(), g.text());
    }
}
