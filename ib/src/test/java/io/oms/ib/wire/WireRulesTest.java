package io.oms.ib.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireRulesTest {

    @Test
    void clientHelloIsApiNulThenLengthPrefixedVersionRange() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Handshake.writeClientHello(out, new Handshake.VersionRange(100, 195, null));
        byte[] b = out.toByteArray();
        assertThat(b).startsWith('A', 'P', 'I', 0, 0, 0, 0, 9);
        assertThat(new String(b, 8, 9)).isEqualTo("v100..195");
        assertThat(Handshake.readClientHello(new ByteArrayInputStream(b))).isEqualTo(new Handshake.VersionRange(100, 195, null));
        assertThat(new Handshake.VersionRange(195, 195, null).encode()).isEqualTo("v195");
        assertThat(Handshake.VersionRange.parse("v100..195 +PACEAPI").options()).isEqualTo("+PACEAPI");
    }

    @Test
    void framesAreInt32BigEndianLengthPlusNulTerminatedFields() throws Exception {
        byte[] payload = Frames.join(List.of("71", "2", "7", ""));
        assertThat(payload).containsExactly('7', '1', 0, '2', 0, '7', 0, 0);
        byte[] framed = Frames.frame(payload);
        assertThat(ByteBuffer.wrap(framed).getInt()).isEqualTo(payload.length);
        assertThat(Frames.readFields(new ByteArrayInputStream(framed))).containsExactly("71", "2", "7", "");
    }

    @Test
    void framesAboveTheMaximumLengthAreRefused() {
        byte[] bogus = ByteBuffer.allocate(4).putInt(0x1000000).array();
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(bogus))).isInstanceOf(WireException.class);
    }

    @Test
    void emptyFieldsAndSentinelsMeanUnset() {
        FieldReader r = new FieldReader(List.of("", "", "", FieldWriter.DOUBLE_MAX, "2147483647", "100.11500000000001", "7"));
        assertThat(r.str()).isNull();
        assertThat(r.i()).isZero();
        assertThat(r.intMax()).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.dec()).isNull();
        assertThat(r.dec()).isNull();
        assertThat(r.dec()).isEqualTo(new BigDecimal("100.11500000000001"));
        assertThat(r.i()).isEqualTo(7);
        assertThatThrownBy(r::next).isInstanceOf(WireException.class);
    }

    @Test
    void nonFiniteDoublesAndNullableLongsReadAsUnset() {
        FieldReader r = new FieldReader(List.of("NaN", "-Infinity", "Infinity", "", "0", "9000000000"));
        assertThat(r.dec()).isNull();
        assertThat(r.dec()).isNull();
        assertThat(r.dec()).isNull();
        assertThat(r.longOrNull()).isNull();
        assertThat(r.longOrNull()).isZero();
        assertThat(r.longOrNull()).isEqualTo(9_000_000_000L);
        assertThat(new FieldWriter().longOrEmpty(null).longOrEmpty(0L).fields()).containsExactly("", "0");
    }

    @Test
    void writerUsesPlainDecimalsAndSendMaxSemantics() {
        List<String> f = new FieldWriter().dec(new BigDecimal("1E+2")).dec(null).intMax(Integer.MAX_VALUE)
                .decOrDoubleMax(null).bool(true).str(null).fields();
        assertThat(f).containsExactly("100", "", "", "1.7976931348623157E308", "1", "");
    }

    @Test
    void errorTextIsUnicodeEscapedAndRestored() {
        String s = "Order rejected - café €";
        assertThat(TextEscapes.escape(s)).isEqualTo("Order rejected - caf\\u00e9 \\u20ac");
        assertThat(TextEscapes.unescape(TextEscapes.escape(s))).isEqualTo(s);
    }

    @Test
    void execTimesParseLeniently() {
        Instant utc = Instant.parse("2026-11-24T09:52:44Z");
        assertThat(ExecTimes.parse("20261124 04:52:44 US/Eastern", ZoneOffset.UTC)).isEqualTo(utc);
        assertThat(ExecTimes.parse("20261124-09:52:44", ZoneOffset.UTC)).isEqualTo(utc);
        assertThat(ExecTimes.parse("20261124  09:52:44", ZoneOffset.UTC)).isEqualTo(utc);
        assertThat(ExecTimes.parse("1795513964", ZoneOffset.UTC)).isEqualTo(Instant.ofEpochSecond(1795513964));
        assertThat(ExecTimes.parse("garbage", ZoneOffset.UTC)).isNull();
    }
}
