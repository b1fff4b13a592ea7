package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.Frames;
import io.oms.ib.wire.ServerVersion;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** decode(encode(x)) == x for every record at each supported server version, through real frame bytes. */
class RoundTripTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    static List<ClientMessage> clientMessages(int sv) {
        return List.of(new StartApi(3, null), new StartApi(3, "+PACEAPI"), new ReqIds(1), new ReqCurrentTime(),
                new PlaceOrder(11, 265598, "MSFT", "STK", "SMART", "ISLAND", "USD", "SELL", d("0.5"), "LMT",
                        d("412.37"), null, "GTC", "DU1", "ref-1", false, true, null, null, null),
                new PlaceOrder(12, 0, "AAPL", "STK", "SMART", null, "USD", "BUY", d("100"), "MKT", null, null, "DAY",
                        null, null, true, false, null, null, null),
                new CancelOrder(11, sv >= ServerVersion.MANUAL_ORDER_TIME ? "20260101-10:00:00" : null),
                new ReqOpenOrders(), new ReqAllOpenOrders(),
                new ReqExecutions(7, new ExecutionFilter(3, "DU1", "20260101-00:00:00", "AAPL", "STK", "SMART", "BUY")),
                new ReqExecutions(8, ExecutionFilter.all()), new ReqPositions(), new ReqManagedAccts(),
                new ReqMktData(9, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", "233", true, false),
                PlaceOrder.builder(13, "AAPL").sell(d("25")).trailPercent(d("1.5")).trailStopPrice(d("187.20"))
                        .goodTill("20261231 16:00:00 US/Eastern").outsideRth(true).orderRef("oms-13").build(),
                PlaceOrder.builder(14, "IBM").buy(d("3")).stopLimit(d("180"), d("181.5")).tif("IOC").build(),
                new ReqGlobalCancel(), new ReqCompletedOrders(false), new ReqCompletedOrders(true),
                new CancelMktData(9), new ReqMarketDataType(ReqMarketDataType.DELAYED));
    }

    static List<ServerMessage> serverMessages(int sv) {
        String adv = sv >= ServerVersion.ADVANCED_REJECT ? "{\"x\":1}" : null;
        long time = sv >= ServerVersion.ERROR_TIME ? 1795495964156L : 0L;
        return List.of(new ManagedAccounts(List.of("DU1", "DU2")), new NextValidId(42), new CurrentTime(1795495964L),
                new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", adv, time),
                new ErrorMessage(5, 201, "Order rejected - reason: café", adv, time),
                new OrderStatus(5, "Submitted", d("40"), d("60"), d("100.115"), 1000001L, 0, d("100.12"), 7, null, d("0")),
                new OpenOrder(5, 0, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "BUY", d("100"), "LMT", d("99.5"),
                        null, "DAY", "DU1", "O", "oms-5", 7, 1000005L, false, "Submitted"),
                new OpenOrderEnd(),
                new ExecDetails(-1, 5, 0, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "0000e0d5.00000001.01.01",
                        "20261124 04:52:44 US/Eastern", "DU1", "ISLAND", "BOT", d("40"), d("100.11"), 1000005L, 7, 0,
                        d("40"), d("100.11"), "oms-5", null, null, null, 1,
                        sv >= ServerVersion.PENDING_PRICE_REVISION),
                new ExecDetailsEnd(42),
                new CommissionReport("0000e0d5.00000001.01.01", d("1.00"), "USD", null, null, null),
                new CommissionReport("x.01", d("2.5"), "USD", d("-12.25"), d("0.01"), 20261231),
                new Position("DU1", 265598, "AAPL", "STK", "NASDAQ", "USD", "AAPL", "NMS", d("-10"), d("150.25")),
                new PositionEnd(), new TickReqParams(5, d("0.01"), "9c0001", 3),
                new TickPrice(5, 1, d("100.1"), d("300"), 1), new TickSize(5, 8, d("123456")),
                new TickString(5, 45, "1795495964"), new TickGeneric(5, 49, d("0.0")), new MarketDataType(5, 3),
                new OrderBound(1000009L, 0, 12),
                new OpenOrder(6, 0, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "SELL", d("25"), "TRAIL", null, null,
                        "GTD", "DU1", "O", "oms-6", 7, 1000006L, true, "PreSubmitted", "20261231 16:00:00 US/Eastern",
                        d("187.2"), d("1.5")),
                new CompletedOrder(265598, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "BUY", d("10"), "LMT",
                        d("100.5"), null, "DAY", "DU1", "O", "oms-7", 1000007L, null, false, null, null, null, "Filled",
                        d("10"), "20261124 04:52:44 America/New_York", "Filled Size: 10"),
                new CompletedOrdersEnd());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void clientMessagesSurviveEncodeAndDecode(int sv) {
        for (ClientMessage m : clientMessages(sv)) {
            List<String> fields = Frames.split(Frames.join(m.encode(sv)));
            assertThat(ClientMessages.decode(fields, sv)).as("%s at %d", m, sv).contains(m);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void serverMessagesSurviveEncodeAndDecode(int sv) {
        for (ServerMessage m : serverMessages(sv)) {
            List<String> fields = Frames.split(Frames.join(m.encode(sv)));
            assertThat(ServerMessages.decode(fields, sv)).as("%s at %d", m, sv).contains(m);
        }
    }
}
