package io.oms.activities.pnl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.PnlRepository.DayActivity;
import io.oms.infra.persistence.PnlRepository.Snapshot;
import io.oms.infra.persistence.ValuedPosition;
import io.oms.infra.risk.DayPeakRepository;
import io.oms.workflows.activities.PnlSnapshotActivities;
import io.oms.workflows.activities.SnapshotRequest;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.UsEquityCalendar;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one P&L snapshot per account for a trading date, with its {@code pnl.snapshot.created} event, in one
 * transaction. Realized P&L and commissions are those of the date's effective executions; unrealized P&L is the
 * open positions valued at the last price when the snapshot is taken. Callable directly (tests, backfills). Each
 * account's day P&L (realized + unrealized - commissions) also raises the date's recorded peak, which the risk
 * engine's trailing drawdown is measured from.
 */
@Component
public class PnlSnapshotActivitiesImpl implements PnlSnapshotActivities {
    // The lead switches this to the shared DomainEvents constant when the branches meet.
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final TransactionTemplate tx;
    private final PnlRepository pnl;
    private final OutboxRepository outbox;
    private final DayPeakRepository peaks;
    private final Clock clock;

    @Autowired
    public PnlSnapshotActivitiesImpl(TransactionTemplate tx, PnlRepository pnl, OutboxRepository outbox,
                                     DayPeakRepository peaks) {
        this(tx, pnl, outbox, peaks, Clock.systemUTC());
    }

    public PnlSnapshotActivitiesImpl(TransactionTemplate tx, PnlRepository pnl, OutboxRepository outbox,
                                     DayPeakRepository peaks, Clock clock) {
        this.tx = tx;
        this.pnl = pnl;
        this.outbox = outbox;
        this.peaks = peaks;
        this.clock = clock;
    }

    @Override
    public int takeSnapshots(SnapshotRequest request) {
        String tenant = request.tenantId().value();
        Instant from = request.tradingDate().atStartOfDay(UsEquityCalendar.ZONE).toInstant();
        Instant to = request.tradingDate().plusDays(1).atStartOfDay(UsEquityCalendar.ZONE).toInstant();
        Integer written = tx.execute(status -> {
            Map<String, DayActivity> day = pnl.activity(tenant, from, to).stream()
                    .collect(Collectors.toMap(DayActivity::account, Function.identity()));
            Map<String, List<ValuedPosition>> held = pnl.valuedPositions(tenant, Optional.empty()).stream()
                    .collect(Collectors.groupingBy(v -> v.position().account()));
            int count = 0;
            for (String account : pnl.accounts(tenant)) {
                DayActivity activity = day.getOrDefault(account, new DayActivity(account, BigDecimal.ZERO, BigDecimal.ZERO));
                List<ValuedPosition> positions = held.getOrDefault(account, List.of());
                BigDecimal unrealized = positions.stream().map(ValuedPosition::unrealizedPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
                Snapshot snapshot = new Snapshot(account, request.tradingDate(), activity.realized(), unrealized,
                        activity.commissions(), positionsJson(positions), clock.instant());
                peaks.raise(tenant, account, request.tradingDate(),
                        activity.realized().add(unrealized).subtract(activity.commissions()), snapshot.takenAt());
                if (pnl.insertSnapshot(tenant, snapshot)) {
                    outbox.appendEvent(tenant, DomainEvents.AGGREGATE_PNL_SNAPSHOT, account + ":" + request.tradingDate(),
                            DomainEvents.PNL_SNAPSHOT_CREATED, snapshot.takenAt(), "snapshot", eventJson(snapshot));
                    count++;
                }
            }
            return count;
        });
        return written == null ? 0 : written;
    }

    private static String positionsJson(List<ValuedPosition> positions) {
        return write(positions.stream().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", v.position().symbol());
            m.put("quantity", v.position().quantity());
            m.put("avg_cost", v.position().avgCost());
            m.put("realized_pnl", v.position().realizedPnl());
            m.put("unrealized_pnl", v.unrealizedPnl());
            m.put("last_price", v.lastPrice());
            m.put("commissions", v.position().commissions());
            return m;
        }).toList());
    }

    private static String eventJson(Snapshot s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", s.account());
        m.put("trading_date", s.tradingDate().toString());
        m.put("realized", s.realized());
        m.put("unrealized", s.unrealized());
        m.put("commissions", s.commissions());
        m.put("taken_at", s.takenAt().toString());
        return write(m);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a P&L snapshot", e);
        }
    }
}
