package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The stop, trailing and expiry terms (V4): kept and read back, and rows the API would refuse are refused here too. */
class OrderTermsPersistenceTest {
    private static final Instant EXPIRY = Instant.parse("2025-01-03T21:00:00Z");
    private final TestDb db = TestDb.get();
    private final OrderRepository orders = new OrderRepository(db.jdbc);
    private final String tenant = db.newTenant();

    private OrderRow row(String type, String limit, String stop, String amount, String percent, String tif,
                         Instant expireAt, boolean outsideRth) {
        return new OrderRow(UuidV7.next(), tenant, "c-" + UUID.randomUUID(), "DU1", "AAPL", "SELL", type,
                new BigDecimal("100"), dec(limit), dec(stop), dec(amount), dec(percent), tif, expireAt, outsideRth,
                "NEW", BigDecimal.ZERO, null, null, null, null, 1, Rows.T0, Rows.T0);
    }

    private OrderRow store(OrderRow row) {
        db.tx.execute(s -> orders.upsertState(row));
        return orders.findById(tenant, row.id()).orElseThrow();
    }

    @Test
    void stopLimitGtdOrderKeepsEveryTerm() {
        OrderRow stored = store(row("STP_LMT", "149.50", "150.00", null, null, "GTD", EXPIRY, true));
        assertThat(stored.stopPrice()).isEqualByComparingTo("150.00");
        assertThat(stored.limitPrice()).isEqualByComparingTo("149.50");
        assertThat(stored.expireAt()).isEqualTo(EXPIRY);
        assertThat(stored.outsideRth()).isTrue();
        assertThat(stored.trailAmount()).isNull();
        assertThat(stored.trailPercent()).isNull();
    }

    @Test
    void trailingStopKeepsItsAmountOrPercentAndInitialStop() {
        OrderRow byAmount = store(row("TRAIL", null, "140.00", "2.50", null, "GTC", null, false));
        assertThat(byAmount.trailAmount()).isEqualByComparingTo("2.50");
        assertThat(byAmount.stopPrice()).isEqualByComparingTo("140.00");
        OrderRow byPercent = store(row("TRAIL", null, null, null, "1.5", "DAY", null, false));
        assertThat(byPercent.trailPercent()).isEqualByComparingTo("1.5");
        assertThat(byPercent.outsideRth()).isFalse();
    }

    @Test
    void aLaterVersionCarriesChangedTerms() {
        OrderRow first = row("STP", null, "150.00", null, null, "DAY", null, false);
        store(first);
        OrderRow modified = new OrderRow(first.id(), tenant, first.clientOrderId(), "DU1", "AAPL", "SELL", "STP",
                new BigDecimal("80"), null, new BigDecimal("148.00"), null, null, "GTD", EXPIRY, true, "ROUTED",
                BigDecimal.ZERO, null, 7, null, null, 2, Rows.T0, Rows.T0.plusSeconds(1));
        OrderRow stored = store(modified);
        assertThat(stored.quantity()).isEqualByComparingTo("80");
        assertThat(stored.stopPrice()).isEqualByComparingTo("148.00");
        assertThat(stored.timeInForce()).isEqualTo("GTD");
        assertThat(stored.expireAt()).isEqualTo(EXPIRY);
        assertThat(stored.outsideRth()).isTrue();
    }

    @Test
    void refusesRowsWhosePricesDoNotFitTheType() {
        assertRefused(row("LMT", null, null, null, null, "DAY", null, false));
        assertRefused(row("MKT", "10.00", null, null, null, "DAY", null, false));
        assertRefused(row("STP", null, null, null, null, "DAY", null, false));
        assertRefused(row("LMT", "10.00", "9.00", null, null, "DAY", null, false));
        assertRefused(row("TRAIL", null, null, "1.00", "1", "DAY", null, false));
        assertRefused(row("TRAIL", null, null, null, null, "DAY", null, false));
        assertRefused(row("TRAIL", null, null, null, "100", "DAY", null, false));
        assertRefused(row("MKT", null, null, "1.00", null, "DAY", null, false));
        assertRefused(row("STP", null, "-1", null, null, "DAY", null, false));
    }

    @Test
    void refusesRowsWhoseTimeInForceDoesNotFitTheType() {
        assertRefused(row("LMT", "10.00", null, null, null, "GTD", null, false));
        assertRefused(row("LMT", "10.00", null, null, null, "DAY", EXPIRY, false));
        assertRefused(row("MOC", null, null, null, null, "GTC", null, false));
        assertRefused(row("STP", null, "10.00", null, null, "OPG", null, false));
        assertRefused(row("MKT", null, null, null, null, "OPG", null, true));
        assertRefused(row("LOC", "10.00", null, null, null, "DAY", null, true));
        assertRefused(row("PEG", null, null, null, null, "DAY", null, false));
    }

    private void assertRefused(OrderRow row) {
        assertThatThrownBy(() -> db.tx.execute(s -> orders.upsertState(row)))
                .as("%s %s", row.type(), row.timeInForce())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(orders.findById(tenant, row.id())).isEmpty();
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
