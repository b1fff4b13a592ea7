package io.oms.activities.pnl;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.ledger.LedgerActivitiesImpl;
import io.oms.activities.ledger.LedgerTestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.MarketPriceRepository;
import io.oms.infra.persistence.MarketPriceRepository.MarketPrice;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OutboxEvent;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.PnlRepository.Snapshot;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.risk.DayPeakRepository;
import io.oms.workflows.activities.CommissionRecord;
import io.oms.workflows.activities.ExecutionRecord;
import io.oms.workflows.activities.SnapshotRequest;
import io.oms.workflows.activities.StateChange;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.OrderView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The snapshot activity called directly against PostgreSQL (no waiting for a real close). */
class PnlSnapshotActivitiesImplTest {
    private static final LocalDate DAY = LocalDate.of(2025, 3, 4);
    private static final Instant DAY_OPEN = Instant.parse("2025-03-04T14:30:00Z");

    private final LedgerTestDb db = LedgerTestDb.get();
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final PnlRepository pnl = new PnlRepository(db.jdbc);
    private final LedgerActivitiesImpl ledger = new LedgerActivitiesImpl(db.tx, new OrderRepository(db.jdbc),
            new ExecutionRepository(db.jdbc), new PositionRepository(db.jdbc), new AuditRepository(db.jdbc), outbox);
    private final DayPeakRepository peaks = new DayPeakRepository(db.jdbc);
    private final PnlSnapshotActivitiesImpl snapshots = new PnlSnapshotActivitiesImpl(db.tx, pnl, outbox, peaks);
    private final TenantId tenant = new TenantId(db.newTenant());
    private final String account = "S" + LedgerTestDb.randomHex(4);
    private final String symbol = "Z" + LedgerTestDb.randomHex(3).toUpperCase();

    @Test
    void writesOneSnapshotPerAccountAndDateWithTheDaysRealizedAndTheOpenPositionsUnrealized() {
        OrderId order = placedOrder();
        fill(order, "s1.01", Side.BUY, "10", "100", DAY_OPEN.minusSeconds(86_400)); // the day before
        fill(order, "s2.01", Side.SELL, "4", "110", DAY_OPEN.plusSeconds(60));
        ledger.recordCommission(new CommissionRecord(tenant, account, "s2.01", new BigDecimal("1.5"), "USD"));
        new MarketPriceRepository(db.jdbc).upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("120"), Instant.now())));

        int first = snapshots.takeSnapshots(new SnapshotRequest(tenant, DAY));
        int again = snapshots.takeSnapshots(new SnapshotRequest(tenant, DAY));

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        List<Snapshot> stored = pnl.snapshots(tenant.value(), Optional.of(account), DAY, DAY, Optional.empty(),
                Optional.empty(), 10);
        assertThat(stored).singleElement().satisfies(s -> {
            assertThat(s.realized()).isEqualByComparingTo("40");
            assertThat(s.unrealized()).isEqualByComparingTo("120"); // 6 x (120 - 100)
            assertThat(s.commissions()).isEqualByComparingTo("1.5");
            assertThat(s.positionsJson()).contains(symbol).contains("\"quantity\": 6");
        });
        List<OutboxEvent> events = outbox.listAfter(tenant.value(), 0, 100).stream()
                .filter(e -> e.eventType().equals("pnl.snapshot.created")).toList();
        assertThat(events).singleElement().satisfies(e -> assertThat(e.aggregateId()).isEqualTo(account + ":" + DAY));
    }

    @Test
    void raisesTheDaysRecordedPeakPnlButNeverLowersIt() {
        OrderId order = placedOrder();
        fill(order, "s4.01", Side.BUY, "10", "100", DAY_OPEN);
        new MarketPriceRepository(db.jdbc).upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("105"), Instant.now())));
        peaks.raise(tenant.value(), account, DAY, new BigDecimal("20"), DAY_OPEN);

        snapshots.takeSnapshots(new SnapshotRequest(tenant, DAY));
        assertThat(peaks.find(tenant.value(), account, DAY)).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("50"));

        peaks.raise(tenant.value(), account, DAY, new BigDecimal("80"), DAY_OPEN);
        new MarketPriceRepository(db.jdbc).upsertAll(List.of(new MarketPrice(symbol, new BigDecimal("101"), Instant.now())));
        snapshots.takeSnapshots(new SnapshotRequest(tenant, DAY));
        assertThat(peaks.find(tenant.value(), account, DAY)).as("a lower P&L leaves the peak")
                .hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("80"));
    }

    @Test
    void anotherTenantsSnapshotsAreNotTouched() {
        OrderId order = placedOrder();
        fill(order, "s3.01", Side.BUY, "1", "50", DAY_OPEN);
        TenantId other = new TenantId(db.newTenant());

        assertThat(snapshots.takeSnapshots(new SnapshotRequest(other, DAY))).isZero();
        assertThat(pnl.snapshots(other.value(), Optional.empty(), DAY, DAY, Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    private void fill(OrderId order, String execId, Side side, String qty, String price, Instant at) {
        ledger.recordExecution(new ExecutionRecord(tenant, order, account, symbol, side, execId, new BigDecimal(qty),
                new BigDecimal(price), "ISLAND", 1, 1L, at));
    }

    private OrderId placedOrder() {
        OrderId id = new OrderId(UuidV7.next());
        OrderView view = new OrderView(id, tenant, new ClientOrderId("s-" + LedgerTestDb.randomHex(4)), account, symbol,
                Side.BUY, OrderType.MKT, BigDecimal.TEN, null, null, null, null, TimeInForce.DAY, null, false,
                OrderState.NEW, BigDecimal.ZERO, null, null, null, null, 1, DAY_OPEN, DAY_OPEN);
        ledger.recordState(new StateChange(view, "order.created", "test", null));
        return id;
    }
}
