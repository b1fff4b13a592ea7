package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.MarketPriceRepository;
import io.oms.infra.persistence.MarketPriceRepository.MarketPrice;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.infra.persistence.Timestamps;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot's account figures against PostgreSQL: security type, account restriction, equity, prices, day peak. */
class RiskSnapshotAccountFiguresTest {
    /** Tuesday 2025-03-04 11:00 New York. */
    private static final Instant NOW = Instant.parse("2025-03-04T16:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private final TestDb db = TestDb.get();
    private final RiskLimitRepository limits = new RiskLimitRepository(db.jdbc);
    private final DayPeakRepository peaks = new DayPeakRepository(db.jdbc);
    private final RestrictionRepository restricted = new RestrictionRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String account = "A" + TestDb.randomHex(4);
    private final String symbol = "Q" + TestDb.randomHex(3).toUpperCase();

    private RiskSnapshot load(String sym) {
        return new RiskSnapshots(db.jdbc, limits, new PnlRepository(db.jdbc), db.tx, Clock.fixed(NOW, ZoneOffset.UTC))
                .load(tenant, account, sym);
    }

    private void instrument(String sym, String secType, String currency) {
        db.jdbc.sql("INSERT INTO instruments (id, symbol, sec_type, currency) VALUES (:id, :s, :t, :c)")
                .param("id", UuidV7.next()).param("s", sym).param("t", secType).param("c", currency).update();
    }

    private void position(String sym, String qty, String avgCost) {
        db.tx.executeWithoutResult(s -> {
            new PositionRepository(db.jdbc).lockOrCreate(tenant, account, sym);
            new PositionRepository(db.jdbc).save(new PositionRow(tenant, account, sym, new BigDecimal(qty),
                    new BigDecimal(avgCost), BigDecimal.ZERO, BigDecimal.ZERO, NOW));
        });
    }

    private void price(String sym, String price) {
        new MarketPriceRepository(db.jdbc).upsertAll(List.of(new MarketPrice(sym, new BigDecimal(price), NOW)));
    }

    private void equity(String tenantId, String acct, String value) {
        limits.insert(new RiskLimit(UuidV7.next(), tenantId, LimitScope.ACCOUNT, acct, LimitType.ACCOUNT_EQUITY,
                new BigDecimal(value), null, "test", NOW, NOW));
    }

    @Test
    void carriesTheOrdersSecurityTypePreferringAUsdStockAsTheInstrumentMasterDoes() {
        instrument(symbol, "OPT", "USD");
        assertThat(load(symbol).secType()).isEqualTo("OPT");
        instrument(symbol, "STK", "EUR");
        instrument(symbol, "STK", "USD");
        assertThat(load(symbol).secType()).isEqualTo("STK");
        assertThat(load("NOPE" + TestDb.randomHex(2)).secType()).as("not in the instrument master").isNull();
        assertThat(load(null).secType()).isNull();
    }

    @Test
    void carriesTheAccountsRestrictionButNotAnotherTenantsOrAnotherAccounts() {
        assertThat(load(symbol).accountRestriction()).isNull();
        restricted.upsert(RestrictionList.ACCOUNTS, db.newTenant(), account, "other tenant", "test", NOW);
        restricted.upsert(RestrictionList.ACCOUNTS, tenant, account + "X", "other account", "test", NOW);
        assertThat(load(symbol).accountRestriction()).isNull();
        restricted.upsert(RestrictionList.ACCOUNTS, tenant, account, "frozen by compliance", "test", NOW);
        assertThat(load(symbol).accountRestriction()).isEqualTo("frozen by compliance");
        assertThat(load(null).accountRestriction()).as("account-wide too").isEqualTo("frozen by compliance");
    }

    @Test
    void carriesTheLowestEquityFigureOfTheAccountOnly() {
        assertThat(load(symbol).accountEquity()).isNull();
        equity(tenant, account + "X", "5");
        equity(db.newTenant(), account, "7");
        assertThat(load(symbol).accountEquity()).isNull();
        equity(tenant, account, "250000");
        equity(tenant, account, "200000");
        assertThat(load(symbol).accountEquity()).isEqualByComparingTo("200000");
    }

    @Test
    void carriesTheLastPricesOfEverySymbolHeldOrWorkedAndOfTheOrders() {
        String held = symbol + "H";
        String worked = symbol + "W";
        position(held, "10", "5");
        db.jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, tif, state,
                                            filled_quantity, version, created_at, updated_at)
                        VALUES (:id, :t, 'w1', :a, :s, 'BUY', 'MKT', 3, 'DAY', 'ROUTED', 0, 1, :at, :at)""")
                .param("id", UuidV7.next()).param("t", tenant).param("a", account).param("s", worked)
                .param("at", Timestamps.bind(NOW)).update();
        price(held, "6");
        price(worked, "7");
        price(symbol, "8");
        price(symbol + "Z", "9");

        RiskSnapshot snapshot = load(symbol);

        assertThat(snapshot.prices()).containsOnlyKeys(held, worked, symbol);
        assertThat(snapshot.priceOf(worked)).isEqualByComparingTo("7");
        // 10 x 6 held + 3 x 7 worked (a market order, valued at the last price)
        assertThat(AccountExposure.of(snapshot).gross()).isEqualByComparingTo("81");
    }

    @Test
    void recordsTheDaysPeakPnlRaisingItButNeverLoweringIt() {
        position(symbol, "100", "10");
        price(symbol, "12");
        RiskSnapshot first = load(symbol);
        assertThat(first.dayPnl()).isEqualByComparingTo("200");
        assertThat(first.dayPeakPnl()).isEqualByComparingTo("200");
        assertThat(peaks.find(tenant, account, DAY)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("200"));

        price(symbol, "11");
        RiskSnapshot fallen = load(null);
        assertThat(fallen.dayPnl()).isEqualByComparingTo("100");
        assertThat(fallen.dayPeakPnl()).as("the recorded peak").isEqualByComparingTo("200");
        assertThat(peaks.find(tenant, account, DAY)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("200"));

        price(symbol, "13");
        assertThat(load(symbol).dayPeakPnl()).isEqualByComparingTo("300");
        assertThat(peaks.find(tenant, account, DAY)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("300"));
        assertThat(peaks.find(tenant, account, DAY.minusDays(1))).as("per trading date").isEmpty();
        assertThat(peaks.find(db.newTenant(), account, DAY)).as("per tenant").isEmpty();
    }

    @Test
    void aPeakRecordedElsewhereAboveTheCurrentPnlIsTheSnapshotsPeak() {
        peaks.raise(tenant, account, DAY, new BigDecimal("500"), NOW);
        peaks.raise(tenant, account, DAY, new BigDecimal("400"), NOW);
        assertThat(load(symbol).dayPeakPnl()).isEqualByComparingTo("500");
        assertThat(load(symbol).dayPnl()).isEqualByComparingTo("0");
    }
}
