package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ORDER_RATE: orders within each limit's period, this one included (orders the OMS denied do not count): the
 * account's, or for a STRATEGY or USER limit that strategy's or user's in every account of the tenant. Each limit
 * has its own period, so each is checked; the first broken one denies.
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
            List<Instant> counted = snapshot.rateCounted(limit);
            BigDecimal count = BigDecimal.valueOf(counted.size() + 1L);
            Optional<RiskDenial> denial = Breaches.above(DenialReason.ORDER_RATE, List.of(limit), count,
                    "orders of " + whose(limit, order) + " in " + limit.periodSeconds() + " s");
            if (denial.isPresent()) {
                RiskDenial d = denial.get();
                return Optional.of(new RiskDenial(d.reason(), d.limit(), d.actual(), d.limitId(), d.message(),
                        retryAfterSeconds(snapshot.asOf(), counted, limit, count.longValueExact())));
            }
        }
        return Optional.empty();
    }

    private static String whose(RiskLimit limit, OrderIntent order) {
        return switch (limit.scope()) {
            case STRATEGY -> "strategy " + limit.scopeValue();
            case USER -> "user " + limit.scopeValue();
            default -> order.account();
        };
    }

    /**
     * When enough of the counted orders (oldest first) will have left the period for this one to fit: the k-th
     * oldest ages out at its creation + the period, where k is how far over the limit the order would be.
     */
    static long retryAfterSeconds(Instant asOf, List<Instant> counted, RiskLimit limit, long countWithOrder) {
        long over = countWithOrder - limit.value().longValue();
        if (over < 1 || counted.isEmpty()) {
            return 1;
        }
        Instant free = counted.get((int) Math.min(over, counted.size()) - 1).plusSeconds(limit.periodSeconds());
        long millis = Duration.between(asOf, free).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
