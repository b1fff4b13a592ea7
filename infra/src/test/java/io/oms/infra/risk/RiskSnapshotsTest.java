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
import io.oms.infra.persistence.ValuedPosition;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RiskSnapshotsTest {
    /** Tuesday 2025-03-04 11:00 New York; the New York day began at 05:00Z. */
    private static final Instant NOW = Instant.parse("2025-03-04T16:00:00Z");

    private final TestDb db = TestDb.get();
    private final RiskLimitRepository limits = new RiskLimitRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String account = "A" + TestDb.randomHex(4);
    private final String symbol = "R" + TestDb.randomHex(3).toUpperCase();

    private RiskSnapshots snapshots(PnlRepository pnl) {
        return new RiskSnapshots(db.jdbc, limits, pnl, db.tx, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void order(String tenantId, String clientOrderId, String side, String type, String qty, String filled,
                       String limitPrice, String state, Instant createdAt) {
        db.jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price,
                                            tif, state, filled_quantity, version, created_at, updated_at)
                        VALUES (:id, :tenant, :coid, :account, :symbol, :side, :type, :qty, :limit, 'DAY', :state, :filled, 1,
                                :at, :at)""")
                .param("id", UuidV7.next()).param("tenant", tenantId).param("coid", clientOrderId)
                .param("account", account).param("symbol", symbol).param("side", side).param("type", type)
                .param("qty", new BigDecimal(qty)).param("limit", limitPrice == null ? null : new BigDecimal(limitPrice), java.sql.Types.NUMERIC)
                .param("state", state).param("filled", new BigDecimal(filled)).param("at", Timestamps.bind(createdAt))
                .update();
    }

    private void execution(String execId, String realized, String commission, Instant at) {
        UUID orderId = db.jdbc.sql("SELECT id FROM orders WHERE tenant_id = :t LIMIT 1").param("t", tenant).query(UUID.class).single();
        db.jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, exec_base, symbol, side, quantity, price,
                                                executed_at, commission, realized_pnl)
                        VALUES (:id, :tenant, :order, :account, :exec, :exec, :symbol, 'SELL', 1, 10, :at, :commission, :realized)""")
                .param("id", UuidV7.next()).param("tenant", tenant).param("order", orderId).param("account", account)
                .param("exec", execId + TestDb.randomHex(4)).param("symbol", symbol).param("at", Timestamps.bind(at))
                .param("commission", new BigDecimal(commission)).param("realized", new BigDecimal(realized))
                .update();
    }

    /** A position of 50 bought at 10, the symbol's last price 12: unrealized +100. */
    private void holdFiftyAtTenPricedTwelve() {
        new MarketPriceRepository(db.jdbc).upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("12"), NOW)));
        db.tx.executeWithoutResult(s -> {
            new PositionRepository(db.jdbc).lockOrCreate(tenant, account, symbol);
            new PositionRepository(db.jdbc).save(new PositionRow(tenant, account, symbol, new BigDecimal("50"),
                    new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO, NOW));
        });
    }

    private RiskLimit limit(String tenantId, LimitType type, String value, Integer period) {
        return new RiskLimit(UuidV7.next(), tenantId, LimitScope.ACCOUNT, account, type, new BigDecimal(value), period, "test",
                NOW, NOW);
    }

    @Test
    void loadsLimitsPositionOrdersPriceRestrictionAndTodaysPnlOfTheAccount() {
        limits.insert(limit(tenant, LimitType.ORDER_RATE, "10", 600));
        order(tenant, "w1", "BUY", "LMT", "100", "40", "10", "PARTIALLY_FILLED", NOW.minusSeconds(3600));
        order(tenant, "w2", "SELL", "MKT", "5", "0", null, "ROUTED", NOW.minusSeconds(30));
        order(tenant, "done", "BUY", "LMT", "7", "7", "10", "FILLED", NOW.minusSeconds(500));
        order(tenant, "old", "BUY", "LMT", "7", "0", "10", "CANCELED", NOW.minusSeconds(601));
        holdFiftyAtTenPricedTwelve();
        execution("today", "-30", "1.5", NOW.minusSeconds(3600));
        execution("yesterday", "-1000", "9", Instant.parse("2025-03-04T04:59:59Z"));
        db.jdbc.sql("INSERT INTO restricted_symbols (tenant_id, symbol, reason) VALUES (:t, :s, 'watch list')")
                .param("t", tenant).param("s", symbol).update();

        RiskSnapshot snapshot = snapshots(new PnlRepository(db.jdbc)).load(tenant, account, symbol);

        assertThat(snapshot.asOf()).isEqualTo(NOW);
        assertThat(snapshot.limits()).extracting(RiskLimit::type).containsExactly(LimitType.ORDER_RATE);
        assertThat(snapshot.position(symbol)).isEqualByComparingTo("50");
        assertThat(snapshot.workingOrders()).extracting(SnapshotOrder::clientOrderId).containsExactly("w1", "w2");
        assertThat(snapshot.working(symbol, "BUY")).as("unfilled quantity").isEqualByComparingTo("60");
        assertThat(snapshot.recentOrders()).as("within the longest order-rate period")
                .extracting(SnapshotOrder::clientOrderId).containsExactly("done", "w2");
        assertThat(snapshot.lastPrice()).isEqualByComparingTo("12");
        assertThat(snapshot.restriction()).isEqualTo("watch list");
        assertThat(snapshot.realizedToday()).isEqualByComparingTo("-30");
        assertThat(snapshot.commissionsToday()).isEqualByComparingTo("1.5");
        // -30 realized + (12 - 10) x 50 unrealized - 1.5 commissions
        assertThat(snapshot.dayPnl()).isEqualByComparingTo("68.5");
        assertThat(snapshot.dayPeakPnl()).as("the first P&L of the day is its peak").isEqualByComparingTo("68.5");
    }

    @Test
    void aCheckSnapshotReadsOnlyTheFiguresTheTenantsLimitTypesNeed() {
        order(tenant, "w1", "BUY", "LMT", "100", "40", "10", "PARTIALLY_FILLED", NOW.minusSeconds(30));
        holdFiftyAtTenPricedTwelve();
        execution("today", "-30", "1.5", NOW.minusSeconds(3600));
        RiskSnapshots snapshots = snapshots(new PnlRepository(db.jdbc));

        RiskSnapshot bare = snapshots.loadForCheck(tenant, account, symbol);
        assertThat(bare.workingOrders()).as("always: the wash-trade check").extracting(SnapshotOrder::clientOrderId)
                .containsExactly("w1");
        assertThat(bare.positions()).isEmpty();
        assertThat(bare.recentOrders()).isEmpty();
        assertThat(bare.lastPrice()).isNull();
        assertThat(bare.realizedToday()).isZero();
        assertThat(bare.dayPeakPnl()).isNull();
        assertThat(db.jdbc.sql("SELECT count(*) FROM risk_day_peaks WHERE tenant_id = :t").param("t", tenant)
                .query(Integer.class).single()).as("no drawdown limit: no peak written").isZero();

        limits.insert(limit(tenant, LimitType.DRAWDOWN, "1000", null));
        limits.insert(limit(tenant, LimitType.MAX_NOTIONAL, "1000000", null));
        limits.insert(limit(tenant, LimitType.ORDER_RATE, "100", 60));
        RiskSnapshot checked = snapshots.loadForCheck(tenant, account, symbol);
        RiskSnapshot whole = snapshots.load(tenant, account, symbol);
        assertThat(checked.position(symbol)).isEqualByComparingTo("50");
        assertThat(checked.recentOrders()).extracting(SnapshotOrder::clientOrderId).containsExactly("w1");
        assertThat(checked.lastPrice()).isEqualByComparingTo("12");
        assertThat(checked.dayPnl()).isEqualByComparingTo(whole.dayPnl());
        assertThat(checked.dayPeakPnl()).isEqualByComparingTo("68.5");
    }

    @Test
    void anotherTenantsRowsUnderTheSameAccountNameNeverEnter() {
        String other = db.newTenant();
        limits.insert(limit(other, LimitType.OPEN_ORDERS, "1", null));
        order(other, "x1", "BUY", "LMT", "100", "0", "10", "ROUTED", NOW.minusSeconds(1));
        db.jdbc.sql("INSERT INTO restricted_symbols (tenant_id, symbol) VALUES (:t, :s)").param("t", other).param("s", symbol).update();

        RiskSnapshot snapshot = snapshots(new PnlRepository(db.jdbc)).load(tenant, account, symbol);

        assertThat(snapshot.limits()).isEmpty();
        assertThat(snapshot.workingOrders()).isEmpty();
        assertThat(snapshot.recentOrders()).isEmpty();
        assertThat(snapshot.restriction()).isNull();
        assertThat(snapshot.dayPnl()).isEqualByComparingTo("0");
    }

    @Test
    void everyQuerySeesTheSameStateEvenWhenAnOrderCommitsMidway() {
        // After the positions are read (the second query), another connection commits a working order; under
        // REPEATABLE READ the working-order query that follows must not see it.
        PnlRepository racing = new PnlRepository(db.jdbc) {
            @Override
            public List<ValuedPosition> valuedPositions(String tenantId, Optional<String> acct) {
                List<ValuedPosition> result = super.valuedPositions(tenantId, acct);
                Thread writer = new Thread(() -> order(tenant, "late", "BUY", "LMT", "1", "0", "10", "NEW", NOW));
                writer.start();
                try {
                    writer.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return result;
            }
        };
        RiskSnapshots loader = snapshots(racing);

        assertThat(loader.load(tenant, account, symbol).workingOrders()).isEmpty();
        assertThat(snapshots(new PnlRepository(db.jdbc)).load(tenant, account, symbol).workingOrders())
                .extracting(SnapshotOrder::clientOrderId).containsExactly("late");
    }

    @Test
    void anAccountWideSnapshotHasNoPriceOrRestriction() {
        RiskSnapshot snapshot = snapshots(new PnlRepository(db.jdbc)).load(tenant, account, null);
        assertThat(snapshot.symbol()).isNull();
        assertThat(snapshot.lastPrice()).isNull();
        assertThat(snapshot.restriction()).isNull();
    }
}
