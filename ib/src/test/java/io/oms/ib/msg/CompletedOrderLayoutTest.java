package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.FieldReader;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * completedOrder has no golden frame and no field list in the reference, so these tests pin our reading
 * of its layout (see CompletedOrderLayout): field totals per version, where the OMS fields sit, and that
 * every variable-length group a real gateway may send is walked so completedTime/completedStatus, which
 * come last, are still found.
 */
class CompletedOrderLayoutTest {
    private static BigDecimal d(String s) { return new BigDecimal(s); }

    static final CompletedOrder ORDER = new CompletedOrder(265598, "AAPL", "STK", "SMART", "USD", "AAPL", "NMS", "SELL",
            d("25"), "TRAIL", null, d("1.5"), "GTD", "DU1234567", "C", "oms-42", 1000042L, 1000041L, true,
            "20261231 16:00:00 US/Eastern", d("187.2"), d("0.5"), "Filled", d("25"), "20261124 10:15:00 America/New_York",
            "Filled Size: 25");

    /** Field number at sv >= 177 to its index at sv (faProfile follows faPercentage, field 30, below 177). */
    static int idx(int n, int sv) { return n + (sv < 177 && n > 30 ? 1 : 0); }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void fieldTotalsAndPositions(int sv) {
        List<String> f = ORDER.encode(sv);
        assertThat(f).hasSize(1 + (sv == 195 ? 97 : sv == 176 ? 96 : 91));
        assertThat(f.get(0)).isEqualTo("101");
        assertThat(f.get(idx(1, sv))).isEqualTo("265598");
        assertThat(f.subList(12, 18)).containsExactly("SELL", "25", "TRAIL", "", "1.5", "GTD");
        assertThat(f.get(19)).isEqualTo("DU1234567");
        assertThat(f.get(22)).isEqualTo("oms-42");
        assertThat(f.get(23)).isEqualTo("1000042");
        assertThat(f.get(idx(32, sv))).isEqualTo("20261231 16:00:00 US/Eastern");
        assertThat(f.get(idx(56, sv))).isEqualTo("187.2");
        assertThat(f.get(idx(57, sv))).isEqualTo("0.5");
        assertThat(f.get(idx(72, sv))).isEqualTo("Filled");
        assertThat(f.get(idx(76, sv))).isEqualTo("187.2");
        assertThat(f.get(idx(82, sv))).isEqualTo("25");
        assertThat(f.get(idx(88, sv))).isEqualTo("1000041");
        assertThat(f.get(idx(89, sv))).isEqualTo("20261124 10:15:00 America/New_York");
        assertThat(f.get(idx(90, sv))).isEqualTo("Filled Size: 25");
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyVariableGroupIsWalked(int sv) {
        List<String> f = new FrameEdit(ORDER.encode(sv))
                .insertAfter(idx(53, sv), "12345", "1", "2", "ISLAND")              // 4 DN extras (dnType set below)
                .set(idx(52, sv), "LMT")
                .set(idx(59, sv), "2", "1", "1", "BUY", "SMART", "0", "0", "", "-1",
                        "2", "1", "SELL", "SMART", "0", "0", "", "-1")            // 2 combo legs x 8
                .set(idx(60, sv), "1", "1.25")                                     // 1 order combo leg price
                .set(idx(61, sv), "1", "NonGuaranteed", "1")                       // smart combo routing params
                .set(idx(64, sv), "0.05", "0.01", "5", "0.02", "1", "100", "10", "0") // scale increment + 7
                .set(idx(65, sv), "D", "0.5")                                      // hedgeType + hedgeParam
                .set(idx(69, sv), "1", "12345", "0.5", "100.25")                   // delta-neutral contract
                .set(idx(70, sv), "Adaptive", "1", "adaptivePriority", "Normal")   // algo + params
                .set(idx(75, sv), "2", "1", "a", "1", "180.5", "265598", "SMART", "0",
                        "3", "o", "0", "20261231 15:00:00", "1", "0")             // price + time conditions, flags
                .apply();
        FieldReader r = new FieldReader(f);
        assertThat(ServerMessages.decode(r, sv)).contains(ORDER);
        assertThat(r.hasMore()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void pegBenchOrdersCarryFivePegFieldsBeforeTheConditions(int sv) {
        CompletedOrder peg = new CompletedOrder(1, "AAPL", "STK", "SMART", "USD", null, null, "BUY", d("1"), "PEG BENCH",
                null, null, "DAY", null, null, null, 7L, null, false, null, null, null, "Cancelled", d("0"), null, null);
        List<String> f = peg.encode(sv);
        assertThat(f).hasSize(ORDER.encode(sv).size() + 5);
        assertThat(f.get(idx(75, sv) + 5)).as("conditions count after the peg fields").isEqualTo("0");
        FieldReader r = new FieldReader(f);
        assertThat(ServerMessages.decode(r, sv)).contains(peg);
        assertThat(r.hasMore()).isFalse();
    }
}
