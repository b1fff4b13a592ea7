package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentAndUnmatchedEventTest {
    private final TestDb db = TestDb.get();

    @Test
    void instrumentIsFoundBySymbolWithItsDefaults() {
        var instruments = new InstrumentRepository(db.jdbc);
        String symbol = "X" + TestDb.randomHex(3).toUpperCase();
        assertThat(instruments.ensureStock(symbol, "NASDAQ", "USD", new BigDecimal("0.01"))).isTrue();
        assertThat(instruments.ensureStock(symbol, "NASDAQ", "USD", new BigDecimal("0.01"))).isFalse();
        InstrumentRow row = instruments.findBySymbol(symbol).orElseThrow();
        assertThat(row.secType()).isEqualTo("STK");
        assertThat(row.exchange()).isEqualTo("SMART");
        assertThat(row.primaryExchange()).isEqualTo("NASDAQ");
        assertThat(row.tickSize()).isEqualByComparingTo("0.01");
        assertThat(instruments.findBySymbol(symbol + "ZZ")).isEmpty();
    }

    @Test
    void unmatchedBrokerEventsAreKeptAndCountedPerConnection() {
        var events = new UnmatchedBrokerEventRepository(db.jdbc);
        String connection = "c-" + TestDb.randomHex(4);
        events.record(connection, "execution", "order/x/y", 17, "e-1", "{\"shares\": 10}");
        events.record(connection, "status", null, null, null, "{}");
        assertThat(events.countByConnection(connection)).isEqualTo(2);
        assertThat(events.countByConnection("other-" + connection)).isZero();
    }
}
