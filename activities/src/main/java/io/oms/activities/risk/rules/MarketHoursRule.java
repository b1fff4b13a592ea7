package io.oms.activities.risk.rules;

import io.oms.activities.risk.RiskRule;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.domain.UsEquityCalendar;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * MARKET_CLOSED, by the US equity calendar ({@link UsEquityCalendar}: regular hours 09:30-16:00 New York, 13:00
 * on early-close days, no session on weekends and holidays), at the snapshot's time:
 * <ul>
 *   <li>in the regular session every order passes;</li>
 *   <li>a LMT order with {@code outsideRth} also passes in the extended session, 04:00 until four hours after the
 *       day's close (20:00, 17:00 on early-close days); no other type ever trades outside the regular session;</li>
 *   <li>an OPG order (opening auction) passes before the open of a trading day, and not after it.</li>
 * </ul>
 */
public final class MarketHoursRule implements RiskRule {
    static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    static final Duration AFTER_HOURS = Duration.ofHours(4);

    @Override
    public LimitType limitType() {
        return null;
    }

    @Override
    public DenialReason reason() {
        return DenialReason.MARKET_CLOSED;
    }

    @Override
    public Optional<RiskDenial> check(OrderIntent order, RiskSnapshot snapshot, List<RiskLimit> limits) {
        Instant at = snapshot.asOf();
        LocalDate date = at.atZone(UsEquityCalendar.ZONE).toLocalDate();
        if (!UsEquityCalendar.isTradingDay(date)) {
            return closed(date + " is not a trading day (weekend or exchange holiday)");
        }
        ZonedDateTime open = UsEquityCalendar.sessionOpen(date).orElseThrow();
        ZonedDateTime close = UsEquityCalendar.sessionClose(date).orElseThrow();
        String session = "regular session " + open.toLocalTime() + "-" + close.toLocalTime() + " New York";
        if (order.tif() == TimeInForce.OPG) {
            return at.isBefore(open.toInstant()) ? Optional.empty()
                    : closed("the opening auction of " + date + " has passed (OPG orders are taken before the open)");
        }
        if (!at.isBefore(open.toInstant()) && at.isBefore(close.toInstant())) {
            return Optional.empty();
        }
        Instant extendedOpen = date.atTime(PRE_MARKET_OPEN).atZone(UsEquityCalendar.ZONE).toInstant();
        Instant extendedClose = close.toInstant().plus(AFTER_HOURS);
        boolean extended = !at.isBefore(extendedOpen) && at.isBefore(extendedClose);
        if (extended && order.type() == OrderType.LMT && order.outsideRth()) {
            return Optional.empty();
        }
        if (extended && order.type() == OrderType.LMT) {
            return closed("outside the " + session + "; a LMT order may trade in the extended session only with outsideRth");
        }
        if (extended) {
            return closed("outside the " + session + "; only LMT orders with outsideRth trade in the extended session, never "
                    + order.type());
        }
        return closed("outside the " + session + " and the extended session (04:00-" + close.toLocalTime().plusHours(4) + ")");
    }

    private static Optional<RiskDenial> closed(String message) {
        return Optional.of(RiskDenial.of(DenialReason.MARKET_CLOSED, message));
    }
}
