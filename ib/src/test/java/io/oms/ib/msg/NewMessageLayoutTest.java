package io.oms.ib.msg;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact field lists of the messages added for reconciliation and market data, as the reference (1.5, 1.6) gives them. */
class NewMessageLayoutTest {

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void clientRequests(int sv) {
        // REQ_GLOBAL_CANCEL: version 1 before sv 192, then the unset CME tagging pair like cancelOrder's capture.
        assertThat(new ReqGlobalCancel().encode(sv)).isEqualTo(sv >= 192 ? List.of("58", "", "2147483647") : List.of("58", "1"));
        assertThat(new ReqCompletedOrders(false).encode(sv)).containsExactly("99", "0");
        assertThat(new ReqCompletedOrders(true).encode(sv)).containsExactly("99", "1");
        assertThat(new CancelMktData(5).encode(sv)).containsExactly("2", "1", "5");
        assertThat(new ReqMarketDataType(ReqMarketDataType.DELAYED_FROZEN).encode(sv)).containsExactly("59", "1", "4");
        assertThat(ClientMessages.decode(List.of("99", "1"), sv)).contains(new ReqCompletedOrders(true));
        assertThat(ClientMessages.decode(List.of("58", "1"), sv)).contains(new ReqGlobalCancel());
        assertThat(ClientMessages.decode(List.of("58", "", "2147483647"), sv)).contains(new ReqGlobalCancel());
    }

    @ParameterizedTest
    @ValueSource(ints = {157, 176, 195})
    void serverMessages(int sv) {
        assertThat(new TickString(5, 48, "100.11;100;1795495964;123456;100.1;true").encode(sv))
                .containsExactly("46", "6", "5", "48", "100.11;100;1795495964;123456;100.1;true");
        assertThat(new TickGeneric(5, 49, new BigDecimal("0.0")).encode(sv)).containsExactly("45", "6", "5", "49", "0.0");
        assertThat(new MarketDataType(5, 3).encode(sv)).containsExactly("58", "1", "5", "3");
        assertThat(new OrderBound(1000001L, 0, 7).encode(sv)).containsExactly("100", "1000001", "0", "7");
        assertThat(new CompletedOrdersEnd().encode(sv)).containsExactly("102");
        assertThat(ServerMessages.decode(List.of("45", "6", "5", "49", "1.0"), sv))
                .contains(new TickGeneric(5, 49, new BigDecimal("1.0")));
        assertThat(ServerMessages.decode(List.of("46", "6", "5", "45", ""), sv)).contains(new TickString(5, 45, null));
        assertThat(ServerMessages.decode(List.of("100", "9000000000", "0", "12"), sv))
                .contains(new OrderBound(9_000_000_000L, 0, 12));
    }
}
