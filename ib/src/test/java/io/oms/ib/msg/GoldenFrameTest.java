package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.Handshake;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The captured frames of IB's own client and decoder are the ground truth for our codec. */
class GoldenFrameTest {

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyClientFrameDecodesAndReencodesToTheSameFields(int sv) throws Exception {
        CaptureLog log = CaptureLog.load(sv);
        int checked = 0;
        for (CaptureLog.Frame f : log.frames()) {
            if (!f.fromClient()) continue;
            ClientMessage m = ClientMessages.decode(f.fields(), sv).orElseThrow(() -> new AssertionError("line " + f.line()));
            assertThat(m.encode(sv)).as("line %d %s", f.line(), m).isEqualTo(f.fields());
            checked++;
        }
        assertThat(checked).isEqualTo(12);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void everyServerFrameDecodesAndReencodesToTheSameFields(int sv) throws Exception {
        CaptureLog log = CaptureLog.load(sv);
        List<CaptureLog.Frame> server = log.frames().stream().filter(f -> !f.fromClient()).toList();
        Handshake.Ack ack = Handshake.Ack.fromFields(server.get(0).fields());
        assertThat(ack.serverVersion()).isEqualTo(sv);
        assertThat(ack.fields()).isEqualTo(server.get(0).fields());
        for (CaptureLog.Frame f : server.subList(1, server.size())) {
            ServerMessage m = ServerMessages.decode(f.fields(), sv).orElseThrow(() -> new AssertionError("line " + f.line()));
            assertThat(m.encode(sv)).as("line %d %s", f.line(), m).isEqualTo(f.fields());
        }
        assertThat(server).hasSizeGreaterThan(40);
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void requestRecordsEncodeExactlyAsIbsClient(int sv) throws Exception {
        List<List<String>> sent = CaptureLog.load(sv).frames().stream().filter(CaptureLog.Frame::fromClient)
                .map(CaptureLog.Frame::fields).toList();
        PlaceOrder mkt = new PlaceOrder(1, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", "BUY", new BigDecimal("10"),
                "MKT", null, null, "DAY", null, "oms-1", true, false);
        PlaceOrder lmt = new PlaceOrder(2, 0, "AAPL", "STK", "SMART", "NASDAQ", "USD", "SELL", new BigDecimal("5"),
                "LMT", new BigDecimal("200.5"), null, "GTC", null, "oms-2", true, false);
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
        assertThat(f.fields()).hasSize(1 + (sv == 195 ? 145 : sv == 176 ? 127 : 119));
        assertThat(f.fields().get(sv >= 177 ? 85 : 86)).isEqualTo("PreSubmitted");
    }
}
