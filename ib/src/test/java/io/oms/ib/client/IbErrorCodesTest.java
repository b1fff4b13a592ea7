package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.IbErrorKind.Category;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The closed vocabulary for IB error codes: every code maps to exactly one kind, unknown ones to UNKNOWN. */
class IbErrorCodesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1100, CONNECTIVITY_LOST", "2110, CONNECTIVITY_LOST", "1101, CONNECTIVITY_RESTORED_DATA_LOST",
            "1102, CONNECTIVITY_RESTORED", "1300, SOCKET_PORT_RESET",
            "2103, FARM_DISCONNECTED", "2105, FARM_DISCONNECTED", "2104, FARM_CONNECTED", "2106, FARM_CONNECTED",
            "2158, FARM_CONNECTED", "2107, FARM_INACTIVE", "2108, FARM_INACTIVE",
            "201, ORDER_REJECTED", "104, ORDER_REJECTED", "105, ORDER_REJECTED", "110, ORDER_REJECTED",
            "200, ORDER_REJECTED", "460, ORDER_REJECTED", "103, DUPLICATE_ORDER_ID",
            "202, CANCEL_CONFIRMED", "10147, CANCEL_REJECTED", "10148, CANCEL_REJECTED", "135, CANCEL_REJECTED",
            "161, CANCEL_REJECTED", "404, ORDER_HELD",
            "10349, WARNING", "2109, WARNING", "399, WARNING", "2100, WARNING", "2199, WARNING",
            "100, PACING_VIOLATION", "326, CLIENT_ID_IN_USE", "354, MARKET_DATA", "10197, MARKET_DATA",
            "502, CLIENT_ERROR", "507, CLIENT_ERROR",
            "0, UNKNOWN", "-1, UNKNOWN", "999, UNKNOWN", "123456, UNKNOWN"})
    void classifiesEachCodeIntoItsKind(int code, IbErrorKind kind) {
        assertThat(IbErrorCodes.classify(code)).isEqualTo(kind);
    }

    @Test
    void connectivityCodesAreInTheConnectivityCategoryAndOnlyTheLossIsAFailure() {
        assertThat(IbErrorCodes.classify(1100).category()).isEqualTo(Category.CONNECTIVITY);
        assertThat(IbErrorCodes.classify(1100).isInformational()).isFalse();
        assertThat(IbErrorCodes.classify(1101).isInformational()).isTrue();
        assertThat(IbErrorCodes.classify(1102).isInformational()).isTrue();
    }

    @Test
    void onlyRejectsPacingAndUnknownCodesFailAWaitingPlacement() {
        assertThat(IbErrorKind.ORDER_REJECTED.failsPlacement()).isTrue();
        assertThat(IbErrorKind.DUPLICATE_ORDER_ID.failsPlacement()).isTrue();
        assertThat(IbErrorKind.UNKNOWN.failsPlacement()).as("an unfamiliar reject must not hang").isTrue();
        // A warning or a market-data error whose id happens to equal an order id must not reject that order.
        assertThat(IbErrorKind.WARNING.failsPlacement()).isFalse();
        assertThat(IbErrorKind.ORDER_HELD.failsPlacement()).isFalse();
        assertThat(IbErrorKind.MARKET_DATA.failsPlacement()).isFalse();
        assertThat(IbErrorKind.CANCEL_CONFIRMED.failsPlacement()).isFalse();
    }

    @Test
    void errorEventCarriesItsClassification() {
        IbErrorEvent e = new IbErrorEvent(7, 201, "Order rejected - reason:", "ref-7");
        assertThat(e.kind()).isEqualTo(IbErrorKind.ORDER_REJECTED);
        assertThat(e.kind().category()).isEqualTo(Category.ORDER);
        assertThat(new IbErrorEvent(-1, 2104, "farm ok", null).isInformational()).isTrue();
    }
}
