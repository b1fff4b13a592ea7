package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.FieldWriter;
import io.oms.ib.wire.Frames;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every order type / time in force the OMS expresses, checked field by field against the captured MKT DAY
 * frame of IB's own client: only the reference's positions for that intent may differ (placeOrder table in
 * the protocol reference: 16 action, 18 orderType, 19 lmtPrice, 20 auxPrice, 21 tif, 26 orderRef,
 * 33 outsideRth, 38 goodTillDate, 68 trailStopPrice, 69 trailingPercent; 68/69 are 69/70 below sv 177
 * because faProfile is still sent there).
 */
class PlaceOrderFieldsTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    record Case(String name, UnaryOperator<PlaceOrderBuilder> intent, Map<String, String> changes) {
        @Override public String toString() { return name; }
    }

    /** Keys are field numbers, or "T1"/"T2" for trailStopPrice/trailingPercent whose position depends on sv. */
    static List<Case> cases() {
        return List.of(
                new Case("MKT DAY", b -> b.market(), Map.of()),
                new Case("LMT", b -> b.limit(d("200.5")), Map.of("18", "LMT", "19", "200.5")),
                new Case("STP", b -> b.stop(d("95.25")), Map.of("18", "STP", "20", "95.25")),
                new Case("STP LMT", b -> b.stopLimit(d("95.25"), d("95")), Map.of("18", "STP LMT", "19", "95", "20", "95.25")),
                new Case("TRAIL amount", b -> b.trailAmount(d("1.50")), Map.of("18", "TRAIL", "20", "1.50")),
                new Case("TRAIL amount + stop", b -> b.trailAmount(d("2")).trailStopPrice(d("98.75")),
                        Map.of("18", "TRAIL", "20", "2", "T1", "98.75")),
                new Case("TRAIL percent + stop", b -> b.trailPercent(d("2.5")).trailStopPrice(d("98.75")),
                        Map.of("18", "TRAIL", "T1", "98.75", "T2", "2.5")),
                new Case("TRAIL percent", b -> b.trailPercent(d("0.75")), Map.of("18", "TRAIL", "T2", "0.75")),
                new Case("MOC", b -> b.marketOnClose(), Map.of("18", "MOC")),
                new Case("LOC", b -> b.limitOnClose(d("101")), Map.of("18", "LOC", "19", "101")),
                new Case("GTC", b -> b.market().tif("GTC"), Map.of("21", "GTC")),
                new Case("IOC", b -> b.limit(d("1")).tif("IOC"), Map.of("18", "LMT", "19", "1", "21", "IOC")),
                new Case("FOK", b -> b.market().tif("FOK"), Map.of("21", "FOK")),
                new Case("OPG", b -> b.limit(d("99")).tif("OPG"), Map.of("18", "LMT", "19", "99", "21", "OPG")),
                new Case("GTD with zone", b -> b.limit(d("99")).goodTill("20261231 16:00:00 US/Eastern"),
                        Map.of("18", "LMT", "19", "99", "21", "GTD", "38", "20261231 16:00:00 US/Eastern")),
                new Case("GTD local", b -> b.market().goodTill("20261231 16:00:00"),
                        Map.of("21", "GTD", "38", "20261231 16:00:00")),
                new Case("GTD UTC dash", b -> b.market().goodTill("20261231-21:00:00"),
                        Map.of("21", "GTD", "38", "20261231-21:00:00")),
                new Case("GTD zoned", b -> b.market().goodTill(ZonedDateTime.of(2026, 12, 31, 16, 0, 0, 0,
                        ZoneId.of("America/New_York"))), Map.of("21", "GTD", "38", "20261231 16:00:00 America/New_York")),
                new Case("outsideRth", b -> b.market().outsideRth(true), Map.of("33", "1")),
                new Case("orderRef + SELL", b -> b.market().orderRef("abc-9").sell(d("10")),
                        Map.of("16", "SELL", "26", "abc-9")),
                new Case("not transmitted", b -> b.market().transmit(false), Map.of("27", "0")));
    }

    static Stream<Arguments> casesByVersion() {
        return Stream.of(157, 176, 195).flatMap(sv -> cases().stream().map(c -> Arguments.of(sv, c)));
    }

    @ParameterizedTest(name = "sv {0}: {1}")
    @MethodSource("casesByVersion")
    void onlyTheReferencePositionsDifferFromIbsMarketOrder(int sv, Case c) throws Exception {
        List<String> golden = CaptureLog.load(sv).frames().stream().filter(CaptureLog.Frame::fromClient)
                .map(CaptureLog.Frame::fields).toList().get(2); // IB's client: BUY 10 AAPL MKT DAY, orderRef oms-1
        PlaceOrder order = c.intent().apply(PlaceOrder.builder(1, "AAPL").primaryExchange("NASDAQ")
                .buy(d("10")).orderRef("oms-1")).build();
        List<String> fields = order.encode(sv);

        int trailStop = sv >= 177 ? 68 : 69;
        Map<Integer, String> expected = new TreeMap<>();
        c.changes().forEach((k, v) -> expected.put(k.equals("T1") ? trailStop : k.equals("T2") ? trailStop + 1
                : Integer.parseInt(k), v));
        Map<Integer, String> actual = new TreeMap<>();
        for (int i = 0; i < golden.size(); i++) {
            if (!fields.get(i).equals(golden.get(i))) actual.put(i, fields.get(i));
        }
        assertThat(fields).hasSameSizeAs(golden);
        assertThat(actual).isEqualTo(expected);
        // Anchors from the reference: discretionaryAmt (36) is IB's literal Double.MAX; unset trail fields are ''.
        assertThat(fields.get(36)).isEqualTo(FieldWriter.DOUBLE_MAX);
        if (!expected.containsKey(trailStop)) assertThat(fields.get(trailStop)).isEmpty();
        // The simulator decodes what the client encoded.
        assertThat(ClientMessages.decode(Frames.split(Frames.join(fields)), sv)).contains(order);
    }
}
