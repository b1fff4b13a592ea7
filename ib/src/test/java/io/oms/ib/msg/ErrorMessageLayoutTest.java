package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.ib.wire.WireException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * error (4) has three layouts (reference 1.6): sv >= 194 [4, id, code, msg, advancedJson, timeMillis];
 * 166..193 [4, 2, id, code, msg, advancedJson]; below 166 [4, 2, id, code, msg]. Checked on both sides of
 * each threshold as well as at the three captured versions.
 */
class ErrorMessageLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {157, 165})
    void beforeAdvancedRejectThereIsNoJsonAndNoTime(int sv) {
        ErrorMessage e = new ErrorMessage(15, 201, "Order rejected - reason: café", null, 0L);
        assertThat(e.encode(sv)).containsExactly("4", "2", "15", "201", "Order rejected - reason: caf\\u00e9");
        assertThat(ServerMessages.decode(e.encode(sv), sv)).contains(e);
    }

    @ParameterizedTest
    @ValueSource(ints = {166, 176, 193})
    void fromAdvancedRejectTheJsonIsAlwaysPresent(int sv) {
        ErrorMessage plain = new ErrorMessage(-1, 2104, "Market data farm connection is OK:usfarm", null, 0L);
        assertThat(plain.encode(sv)).containsExactly("4", "2", "-1", "2104", "Market data farm connection is OK:usfarm", "");
        ErrorMessage adv = new ErrorMessage(15, 201, "rejected", "{\"rejectReason\":\"x\"}", 0L);
        assertThat(adv.encode(sv)).containsExactly("4", "2", "15", "201", "rejected", "{\"rejectReason\":\"x\"}");
        assertThat(ServerMessages.decode(adv.encode(sv), sv)).contains(adv);
        // IB's decoder throws on the missing field (1100 lost, see reference 1.3); so do we, not half-decode.
        assertThatThrownBy(() -> ServerMessages.decode(List.of("4", "2", "-1", "1100", "lost"), sv))
                .isInstanceOf(WireException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {194, 195})
    void fromErrorTimeTheVersionFieldIsGoneAndTheTimeIsLast(int sv) {
        ErrorMessage e = new ErrorMessage(0, 103, "Duplicate order id", null, 1795495964510L);
        assertThat(e.encode(sv)).containsExactly("4", "0", "103", "Duplicate order id", "", "1795495964510");
        assertThat(ServerMessages.decode(e.encode(sv), sv)).contains(e);
        assertThatThrownBy(() -> ServerMessages.decode(List.of("4", "0", "103", "Duplicate order id", ""), sv))
                .isInstanceOf(WireException.class);
    }
}
