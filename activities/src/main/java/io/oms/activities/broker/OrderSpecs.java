package io.oms.activities.broker;

import io.oms.ib.client.OrderSpec;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The OMS's order terms in IB's: every US stock goes to SMART in USD (the primary exchange disambiguates the
 * listing). STP_LMT is IB's "STP LMT"; the stop of STP and STP LMT and a TRAIL's trailing amount travel as
 * auxPrice, a TRAIL's percent as trailingPercent and its initial stop as trailStopPrice; a GTD expiry is IB's
 * goodTillDate in UTC ("yyyyMMdd-HH:mm:ss").
 */
public final class OrderSpecs {
    /** IB's UTC form of goodTillDate, so the gateway's time zone setting cannot shift the expiry. */
    private static final DateTimeFormatter GOOD_TILL_UTC = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss").withZone(ZoneOffset.UTC);

    private OrderSpecs() {}

    public static OrderSpec from(PlaceOrderCommand command, String primaryExchange) {
        return new OrderSpec(command.orderRef(), command.account(), command.symbol(), "STK", "SMART", primaryExchange,
                "USD", command.side().name(), command.quantity(), ibType(command.type()), command.limitPrice(),
                command.timeInForce().name(), auxPrice(command), trailingPercent(command), trailStopPrice(command),
                goodTillDate(command), command.outsideRth());
    }

    static String ibType(OrderType type) {
        return type == OrderType.STP_LMT ? "STP LMT" : type.name();
    }

    /** IB's goodTillDate has whole seconds: the expiry is cut down to its second, so IB never works past it. */
    static String goodTillDate(Instant expireAt) {
        return GOOD_TILL_UTC.format(expireAt.truncatedTo(ChronoUnit.SECONDS));
    }

    private static BigDecimal auxPrice(PlaceOrderCommand c) {
        return switch (c.type()) {
            case STP, STP_LMT -> c.stopPrice();
            case TRAIL -> c.trailAmount();
            default -> null;
        };
    }

    private static BigDecimal trailingPercent(PlaceOrderCommand c) {
        return c.type() == OrderType.TRAIL ? c.trailPercent() : null;
    }

    private static BigDecimal trailStopPrice(PlaceOrderCommand c) {
        return c.type() == OrderType.TRAIL ? c.stopPrice() : null;
    }

    private static String goodTillDate(PlaceOrderCommand c) {
        return c.timeInForce() == TimeInForce.GTD && c.expireAt() != null ? goodTillDate(c.expireAt()) : null;
    }
}
