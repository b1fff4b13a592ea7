package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * DUPLICATE_ORDER: an order of the account with the same symbol, side, quantity, type and limit price created
 * within the window (the widest DUPLICATE_WINDOW limit that applies; without one the check is off, since
 * strategies legitimately repeat orders). Orders the OMS denied or the broker rejected are not duplicated by a
 * corrected retry, so they do not count.
 */
public final class DuplicateOrderRule implements RiskRule {
    @Override
    public LimitType limitType() {
        return LimitType.DUPLICATE_WINDOW;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.DUPLICATE_ORDER;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        if (limits.isEmpty()) {
            return Optional.empty();
        }
        RiskLimit widest = limits.getLast();
        BigDecimal window = widest.value();
        java.time.Instant since = snapshot.asOf().minusMillis(window.movePointRight(3).longValue());
        for (SnapshotOrder other : snapshot.recentOrders()) {
            if (other.createdAt().isAfter(since) && same(order, other)
                    && !"DENIED".equals(other.state()) && !"REJECTED".equals(other.state())) {
                BigDecimal age = BigDecimal.valueOf(java.time.Duration.between(other.createdAt(), snapshot.asOf()).toMillis())
                        .movePointLeft(3);
                return Optional.of(new RiskDenial(DenialReason.DUPLICATE_ORDER, window, age,
                        widest.id().toString(),
                        "same order as " + other.clientOrderId() + " " + Breaches.plain(age) + " s ago (window "
                                + Breaches.plain(window) + " s)"));
            }
        }
        return Optional.empty();
    }

    private static boolean same(OrderIntent order, SnapshotOrder other) {
        return other.symbol().equals(order.symbol()) && other.side().equals(order.side().name())
                && other.type().equals(order.type().name()) && other.quantity().compareTo(order.quantity()) == 0
                && (Objects.equals(other.limitPrice(), order.limitPrice()) || other.limitPrice() != null
                        && order.limitPrice() != null && other.limitPrice().compareTo(order.limitPrice()) == 0);
    }
}
