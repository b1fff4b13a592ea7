package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import io.oms.infra.risk.SnapshotOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ORDER_RATE: orders of the account within each limit's period, this one included (orders the OMS denied do not
 * count). Each limit has its own period, so each is checked; the first broken one denies.
 */
public final class OrderRateRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.ORDER_RATE;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.ORDER_RATE;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        for (RiskLimit limit : limits) {
            BigDecimal count = BigDecimal.valueOf(snapshot.ordersWithin(limit.periodSeconds()) + 1);
            Optional<RiskDenial> denial = Breaches.above(DenialReason.ORDER_RATE, List.of(limit), count,
                    "orders of " + order.account() + " in " + limit.periodSeconds() + " s");
            if (denial.isPresent()) {
                RiskDenial d = denial.get();
                return Optional.of(new RiskDenial(d.reason(), d.limit(), d.actual(), d.limitId(), d.message(),
                        retryAfterSeconds(snapshot, limit, count.longValueExact())));
            }
        }
        return Optional.empty();
    }

    /**
     * When enough of the counted orders will have left the period for this one to fit: the k-th oldest of them
     * ages out at its creation + the period, where k is how far over the limit the order would be.
     */
    static long retryAfterSeconds(RiskSnapshot snapshot, RiskLimit limit, long countWithOrder) {
        Instant since = snapshot.asOf().minusSeconds(limit.periodSeconds());
        List<Instant> counted = snapshot.recentOrders().stream()
                .filter(o -> o.createdAt().isAfter(since) && !"DENIED".equals(o.state()))
                .map(SnapshotOrder::createdAt).sorted().toList();
        long over = countWithOrder - limit.value().longValue();
        if (over < 1 || counted.isEmpty()) {
            return 1;
        }
        Instant free = counted.get((int) Math.min(over, counted.size()) - 1).plusSeconds(limit.periodSeconds());
        long millis = Duration.between(snapshot.asOf(), free).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
