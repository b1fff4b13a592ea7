package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.MarketPriceRepository.MarketPrice;
import io.oms.infra.persistence.PnlRepository.Snapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PnlRepositoryTest {
    private static final LocalDate D1 = LocalDate.of(2025, 3, 3);

    private final TestDb db = TestDb.get();
    private final PnlRepository pnl = new PnlRepository(db.jdbc);
    private final MarketPriceRepository prices = new MarketPriceRepository(db.jdbc);
    private final PositionRepository positions = new PositionRepository(db.jdbc);
    private final String tenant = db.newTenant();
    private final String symbol = "Q" + TestDb.randomHex(3).toUpperCase();

    @Test
    void anOlderPriceNeverReplacesANewerOne() {
        Instant t = Instant.parse("2025-03-03T15:00:00Z");
        prices.upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("10"), t)));
        prices.upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("9"), t.minusSeconds(1))));
        assertThat(prices.find(symbol).orElseThrow().price()).isEqualByComparingTo("10");
        prices.upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("11"), t.plusSeconds(1))));
        assertThat(prices.find(symbol).orElseThrow().price()).isEqualByComparingTo("11");
    }

    @Test
    void positionsAreValuedAtTheMarketPriceOrElseTheirLastEffectiveExecutionAndScopedByTenant() {
        UUID order = UuidV7.next();
        // Executions are unique per (account, exec id) across tenants, and the test database outlives a run.
        String account = "A" + TestDb.randomHex(4);
        String execBase = TestDb.randomHex(6);
        new OrderRepository(db.jdbc).upsertState(Rows.order(tenant, order, "c1", 1, "NEW"));
        ExecutionRepository executions = new ExecutionRepository(db.jdbc);
        executions.insertIfAbsent(new NewExecution(tenant, order, account, execBase + ".01", symbol, "BUY", BigDecimal.TEN,
                new BigDecimal("100"), "ISLAND", 1, 1L, Rows.T0, execBase, 1));
        executions.insertIfAbsent(new NewExecution(tenant, order, account, execBase + ".02", symbol, "BUY", BigDecimal.TEN,
                new BigDecimal("102"), "ISLAND", 1, 1L, Rows.T0, execBase, 2));
        executions.markSuperseded(tenant, account, execBase + ".01", execBase + ".02");
        db.tx.executeWithoutResult(s -> {
            positions.lockOrCreate(tenant, account, symbol);
            positions.save(new PositionRow(tenant, account, symbol, BigDecimal.TEN, new BigDecimal("102"), BigDecimal.ZERO,
                    BigDecimal.ZERO, Rows.T0));
        });

        ValuedPosition fallback = pnl.valuedPositions(tenant, Optional.empty()).getFirst();
        assertThat(fallback.lastPrice()).isEqualByComparingTo("102");
        assertThat(fallback.priceAt()).isNull();
        assertThat(fallback.unrealizedPnl()).isEqualByComparingTo("0");

        prices.upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("105"), Instant.now())));
        ValuedPosition market = pnl.valuedPositions(tenant, Optional.of(account)).getFirst();
        assertThat(market.lastPrice()).isEqualByComparingTo("105");
        assertThat(market.unrealizedPnl()).isEqualByComparingTo("30");
        assertThat(market.marketValue()).isEqualByComparingTo("1050");
        assertThat(pnl.valuedPositions(db.newTenant(), Optional.empty())).isEmpty();
    }

    @Test
    void snapshotsAreUniquePerAccountAndDateAndPageByCursor() {
        for (String account : List.of("A1", "A2", "A3")) {
            assertThat(pnl.insertSnapshot(tenant, snapshot(account, D1))).isTrue();
        }
        assertThat(pnl.insertSnapshot(tenant, snapshot("A1", D1))).isFalse();
        pnl.insertSnapshot(tenant, snapshot("A1", D1.plusDays(1)));

        List<Snapshot> first = pnl.snapshots(tenant, Optional.empty(), D1, D1.plusDays(1), Optional.empty(), Optional.empty(), 2);
        Snapshot last = first.getLast();
        List<Snapshot> second = pnl.snapshots(tenant, Optional.empty(), D1, D1.plusDays(1), Optional.of(last.tradingDate()),
                Optional.of(last.account()), 2);

        assertThat(first).extracting(Snapshot::account).containsExactly("A1", "A2");
        assertThat(second).extracting(s -> s.account() + "@" + s.tradingDate()).containsExactly("A3@" + D1, "A1@" + D1.plusDays(1));
        assertThat(pnl.snapshots(tenant, Optional.of("A1"), D1, D1, Optional.empty(), Optional.empty(), 10)).hasSize(1);
        assertThat(pnl.snapshots(db.newTenant(), Optional.empty(), D1, D1, Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    private static Snapshot snapshot(String account, LocalDate date) {
        return new Snapshot(account, date, BigDecimal.ONE, BigDecimal.TWO, BigDecimal.ZERO, "[]", Instant.now());
    }
}
