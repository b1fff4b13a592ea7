package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.FieldReader;
import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The captured frames of IB's own client and decoder are the ground truth for our codec. */
class GoldenFrameTest {
    /** Frame kinds present in the captures, by direction; a new capture kind must be decoded here too. */
    static final Set<Integer> CLIENT_KINDS = Set.of(1, 3, 4, 5, 7, 8, 49, 61, 71);
    static final Set<Integer> SERVER_KINDS = Set.of(1, 2, 3, 4, 5, 9, 11, 15, 49, 53, 55, 59, 61, 62, 81);

    private static byte[] wire(List<String> fields) { return Frames.frame(Frames.join(fields)); }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void clientHelloReencodesToTheSameBytes(int sv) throws Exception {
        CaptureLog log = CaptureLog.load(sv);
        assertThat(log.clientHello()).isEqualTo("v100..195");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Handshake.writeClientHello(out, Handshake.VersionRange.parse(log.clientHello()));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(Handshake.PREFIX);
        expected.write(Frames.frame(log.clientHello().getBytes(StandardCharsets.US_ASCII)));
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
        assertThat(Handshake.readClientHello(new ByteArrayInputStream(out.toByteArray())).encode()).isEqualTo("v100..195");
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyClientFrameDecodesAndReencodesToTheSameBytes(int sv) throws Exception {
        CaptureLog log = CaptureLog.load(sv);
        Set<Integer> kinds = new TreeSet<>();
        int checked = 0;
        for (CaptureLog.Frame f : log.frames()) {
            if (!f.fromClient()) continue;
            List<String> read = Frames.readFields(new ByteArrayInputStream(wire(f.fields())));
            ClientMessage m = ClientMessages.decode(read, sv).orElseThrow(() -> new AssertionError("line " + f.line()));
            assertThat(m.encode(sv)).as("line %d %s", f.line(), m).isEqualTo(f.fields());
            assertThat(wire(m.encode(sv))).as("line %d bytes", f.line()).isEqualTo(wire(f.fields()));
            kinds.add(Integer.parseInt(f.fields().get(0)));
            checked++;
        }
        assertThat(checked).isEqualTo(12);
        assertThat(kinds).isEqualTo(new TreeSet<>(CLIENT_KINDS));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyServerFrameDecodesCompletelyAndReencodesToTheSameBytes(int sv) throws Exception {
        CaptureLog log = CaptureLog.load(sv);
        List<CaptureLog.Frame> server = log.frames().stream().filter(f -> !f.fromClient()).toList();
        Handshake.Ack ack = Handshake.Ack.fromFields(server.get(0).fields());
        assertThat(ack.serverVersion()).isEqualTo(sv);
        assertThat(wire(ack.fields())).isEqualTo(wire(server.get(0).fields()));
        Set<Integer> kinds = new TreeSet<>();
        for (CaptureLog.Frame f : server.subList(1, server.size())) {
            FieldReader r = new FieldReader(Frames.readFields(new ByteArrayInputStream(wire(f.fields()))));
            ServerMessage m = ServerMessages.decode(r, sv).orElseThrow(() -> new AssertionError("line " + f.line()));
            // IB's decoder read these frames without error, so our walk must end exactly at their last field.
            assertThat(r.hasMore()).as("line %d left fields unread", f.line()).isFalse();
            assertThat(m.encode(sv)).as("line %d %s", f.line(), m).isEqualTo(f.fields());
            assertThat(wire(m.encode(sv))).as("line %d bytes", f.line()).isEqualTo(wire(f.fields()));
            kinds.add(Integer.parseInt(f.fields().get(0)));
        }
        assertThat(server).hasSizeGreaterThan(40);
        assertThat(kinds).isEqualTo(new TreeSet<>(SERVER_KINDS));
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void requestRecordsEncodeExactlyAsIbsClient(int sv) throws Exception {
        List<List<String>> sent = CaptureLog.load(sv).frames().stream().filter(CaptureLog.Frame::fromClient)
                .map(CaptureLog.Frame::fields).toList();
        PlaceOrder mkt = PlaceOrder.builder(1, "AAPL").primaryExchange("NASDAQ").buy(new BigDecimal("10")).market()
                .orderRef("oms-1").build();
        PlaceOrder lmt = PlaceOrder.builder(2, "AAPL").primaryExchange("NASDAQ").sell(new BigDecimal("5"))
                .limit(new BigDecimal("200.5")).tif("GTC").orderRef("oms-2").build();
        assertThat(new StartApi(7, null).encode(sv)).isEqualTo(sent.get(0));
        assertThat(new ReqCurrentTime().encode(sv)).isEqualTo(sent.get(1));
        assertThat(mkt.encode(sv)).isEqualTo(sent.get(2));
        assertThat(lmt.encode(sv)).isEqualTo(sent.get(3));
        assertThat(new ReqOpenOrders().encode(sv)).isEqualTo(sent.get(5));
        assertThat(new CancelOrder(2, null).encode(sv)).isEqualTo(sent.get(6));
        assertThat(new CancelOrder(9999, null).encode(sv)).isEqualTo(sent.get(7));
        assertThat(new ReqExecutions(42, ExecutionFilter.all()).encode(sv)).isEqualTo(sent.get(8));
        assertThat(new ReqPositions().encode(sv)).isEqualTo(sent.get(9));
        assertThat(new ReqMktData(5, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", null, false, false).encode(sv))
                .isEqualTo(sent.get(10));
        assertThat(new ReqIds(-1).encode(sv)).isEqualTo(sent.get(11));
        assertThat(mkt.encode(sv)).hasSize(sv == 195 ? 118 : sv == 176 ? 115 : 110);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void openOrderStatusSitsAtItsVersionedPosition(int sv) throws Exception {
        CaptureLog.Frame f = CaptureLog.load(sv).frames().stream()
                .filter(x -> !x.fromClient() && x.fields().get(0).equals("5")).findFirst().orElseThrow();
        OpenOrder o = (OpenOrder) ServerMessages.decode(f.fields(), sv).orElseThrow();
        assertThat(o.status()).isEqualTo("PreSubmitted");
        assertThat(o.orderRef()).isEqualTo("oms-1");
        assertThat(o.permId()).isEqualTo(1000001L);
        assertThat(o.lmtPrice()).isNull();
        assertThat(o.goodTillDate()).isNull();
        assertThat(o.trailStopPrice()).isNull();
        assertThat(o.trailingPercent()).isNull();
        assertThat(f.fields()).hasSize(1 + (sv == 195 ? 145 : sv == 176 ? 127 : 119));
        assertThat(f.fields().get(sv >= 177 ? 85 : 86)).isEqualTo("PreSubmitted");
    }
}
