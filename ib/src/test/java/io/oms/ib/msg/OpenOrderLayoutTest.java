package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.FieldReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * openOrder's variable-length groups (absent from the golden frames, whose orders are plain) must be walked
 * so status, the second trailStopPrice and the version tail are still found. Field numbers are the
 * reference's sv 195 list.
 */
class OpenOrderLayoutTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    static final OpenOrder ORDER = new OpenOrder(42, 265598, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "SELL",
            d("25"), "TRAIL", null, d("1.5"), "GTD", "DU1234567", "C", "oms-42", 7, 1000042L, true, "Submitted",
            "20261231 16:00:00 US/Eastern", d("187.2"), d("0.5"));

    /** sv 195 field number to index at sv: faProfile (after 33) below 177; no preview block (99-111) below 195. */
    static int idx(int n, int sv) { return n + (sv < 177 && n >= 34 ? 1 : 0) - (sv < 195 && n >= 112 ? 13 : 0); }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void omsFieldsSitAtTheReferencePositions(int sv) {
        List<String> f = ORDER.encode(sv);
        assertThat(f).hasSize(1 + (sv == 195 ? 145 : sv == 176 ? 127 : 119));
        assertThat(f.get(idx(35, sv))).isEqualTo("20261231 16:00:00 US/Eastern");
        assertThat(f.get(idx(65, sv))).isEqualTo("187.2");
        assertThat(f.get(idx(66, sv))).isEqualTo("0.5");
        assertThat(f.get(idx(85, sv))).isEqualTo("Submitted");
        assertThat(f.get(idx(118, sv))).isEqualTo("187.2");
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyVariableGroupIsWalked(int sv) {
        FrameEdit e = new FrameEdit(ORDER.encode(sv))
                .insertAfter(idx(62, sv), "12345", "", "", "", "O", "0", "0", "") // 8 DN extras (dnType set below)
                .set(idx(61, sv), "LMT")
                .set(idx(70, sv), "1", "1", "1", "BUY", "SMART", "0", "0", "", "-1") // 1 combo leg x 8
                .set(idx(71, sv), "2", "1.25", "")                                  // 2 order combo leg prices
                .set(idx(72, sv), "2", "a", "1", "b", "2")                          // smart combo routing params
                .set(idx(75, sv), "0.05", "0.01", "5", "0.02", "1", "100", "10", "0") // scale increment + 7
                .set(idx(76, sv), "F", "1")                                         // hedgeType + hedgeParam
                .set(idx(81, sv), "1", "12345", "0.5", "100.25")                    // delta-neutral contract
                .set(idx(82, sv), "Vwap", "2", "maxPctVol", "0.1", "noTakeLiq", "1") // algo + params
                .set(idx(115, sv), "3", "4", "a", "1", "30", "5", "a", "STK", "SMART", "AAPL",
                        "6", "o", "0", "100000", "265598", "SMART", "0", "1");     // margin, execution, volume
        if (sv >= 195) e.set(111, "1", "DU1", "", "", "", "", "", "");            // 1 order allocation x 7
        List<String> f = e.apply();
        FieldReader r = new FieldReader(f);
        assertThat(ServerMessages.decode(r, sv)).contains(ORDER);
        assertThat(r.hasMore()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void trailStopPriceFollowsIbsDecoderAndKeepsTheSecondCopy(int sv) {
        List<String> f = new FrameEdit(ORDER.encode(sv)).set(idx(65, sv), "1").set(idx(118, sv), "2").apply();
        OpenOrder o = (OpenOrder) ServerMessages.decode(f, sv).orElseThrow();
        assertThat(o.trailStopPrice()).isEqualByComparingTo("2");
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void pegBenchOrdersCarryFivePegFields(int sv) {
        OpenOrder peg = new OpenOrder(1, 0, "AAPL", "STK", "SMART", "USD", null, null, "BUY", d("1"), "PEG BENCH",
                null, null, "DAY", null, null, null, 0, 7L, false, "Submitted");
        List<String> f = peg.encode(sv);
        assertThat(f).hasSize(ORDER.encode(sv).size() + 5);
        FieldReader r = new FieldReader(f);
        assertThat(ServerMessages.decode(r, sv)).contains(peg);
        assertThat(r.hasMore()).isFalse();
    }
}
