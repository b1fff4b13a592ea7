package io.oms.api.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The order validation rules, one family per test; each refusal names the field and says why. */
class OrderValidationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private static final BigDecimal TICK = new BigDecimal("0.01");

    /** A builder over the body so each test states only the terms it is about. */
    private record Body(String type, String qty, String limit, String stop, String amount, String percent, String tif,
                        String expireAt, Boolean outsideRth) {
        static Body of(String type) {
            return new Body(type, "100", null, null, null, null, "DAY", null, null);
        }

        Body limit(String v) { return new Body(type, qty, v, stop, amount, percent, tif, expireAt, outsideRth); }
        Body stop(String v) { return new Body(type, qty, limit, v, amount, percent, tif, expireAt, outsideRth); }
        Body amount(String v) { return new Body(type, qty, limit, stop, v, percent, tif, expireAt, outsideRth); }
        Body percent(String v) { return new Body(type, qty, limit, stop, amount, v, tif, expireAt, outsideRth); }
        Body tif(String v) { return new Body(type, qty, limit, stop, amount, percent, v, expireAt, outsideRth); }
        Body expireAt(String v) { return new Body(type, qty, limit, stop, amount, percent, tif, v, outsideRth); }
        Body outsideRth(boolean v) { return new Body(type, qty, limit, stop, amount, percent, tif, expireAt, v); }
        Body qty(String v) { return new Body(type, v, limit, stop, amount, percent, tif, expireAt, outsideRth); }

        SubmitOrderBody json() {
            return new SubmitOrderBody("DU1234567", " aapl ", "BUY", type, dec(qty), dec(limit), tif, "c-1", dec(stop),
                    dec(amount), dec(percent), expireAt, outsideRth);
        }
    }

    private static OrderValidation.ValidOrder valid(Body body) {
        return OrderValidation.check(body.json(), NOW, TICK, List.of());
    }

    /** The problems by field; fails when the body passes. */
    private static Map<String, String> problems(Body body) {
        return problems(body.json(), List.of());
    }

    private static Map<String, String> problems(SubmitOrderBody body, List<FieldProblem> found) {
        try {
            OrderValidation.check(body, NOW, TICK, found);
        } catch (ApiException e) {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
            return e.details().stream().collect(Collectors.toMap(FieldProblem::field, FieldProblem::problem, (a, b) -> a + "; " + b));
        }
        throw new AssertionError("expected a validation error for " + body);
    }

    @Test
    void acceptsEveryTypeWithTheTermsItNeeds() {
        assertThat(valid(Body.of("MKT")).type()).isEqualTo(OrderType.MKT);
        assertThat(valid(Body.of("LMT").limit("187.50")).limitPrice()).isEqualByComparingTo("187.50");
        assertThat(valid(Body.of("STP").stop("180.00")).stopPrice()).isEqualByComparingTo("180.00");
        OrderValidation.ValidOrder stopLimit = valid(Body.of("stp_lmt").stop("180.00").limit("179.90"));
        assertThat(stopLimit.type()).isEqualTo(OrderType.STP_LMT);
        assertThat(valid(Body.of("TRAIL").amount("1.25")).trailAmount()).isEqualByComparingTo("1.25");
        assertThat(valid(Body.of("TRAIL").percent("0.5").stop("170.00")).trailPercent()).isEqualByComparingTo("0.5");
        assertThat(valid(Body.of("MOC")).type()).isEqualTo(OrderType.MOC);
        assertThat(valid(Body.of("LOC").limit("190.00")).type()).isEqualTo(OrderType.LOC);
    }

    @Test
    void acceptsEveryTimeInForceAndDefaultsToDay() {
        for (String tif : List.of("DAY", "GTC", "IOC", "FOK", "OPG")) {
            assertThat(valid(Body.of("LMT").limit("10.00").tif(tif)).tif()).isEqualTo(TimeInForce.valueOf(tif));
        }
        OrderValidation.ValidOrder gtd = valid(Body.of("LMT").limit("10.00").tif("GTD").expireAt("2026-12-01T16:00:00-05:00"));
        assertThat(gtd.expireAt()).isEqualTo(Instant.parse("2026-12-01T21:00:00Z"));
        assertThat(valid(Body.of("MKT").tif(null)).tif()).isEqualTo(TimeInForce.DAY);
        assertThat(valid(Body.of("MKT")).outsideRth()).isFalse();
        assertThat(valid(Body.of("LMT").limit("10.00").outsideRth(true)).outsideRth()).isTrue();
        assertThat(valid(Body.of("MKT")).symbol()).isEqualTo("AAPL");
    }

    @Test
    void requiresTheLimitPriceOfLimitTypesAndRefusesItElsewhere() {
        assertThat(problems(Body.of("LMT"))).containsEntry("limitPrice", "is required for LMT orders");
        assertThat(problems(Body.of("STP_LMT").stop("10.00"))).containsEntry("limitPrice", "is required for STP_LMT orders");
        assertThat(problems(Body.of("LOC"))).containsEntry("limitPrice", "is required for LOC orders");
        for (String type : List.of("MKT", "STP", "MOC")) {
            assertThat(problems(Body.of(type).stop("STP".equals(type) ? "10.00" : null).limit("10.00")).get("limitPrice"))
                    .startsWith("must be absent for " + type + " orders");
        }
        assertThat(problems(Body.of("TRAIL").amount("1.00").limit("10.00"))).containsOnlyKeys("limitPrice");
    }

    @Test
    void requiresTheStopOfStopTypesAllowsItForTrailAndRefusesItElsewhere() {
        assertThat(problems(Body.of("STP"))).containsEntry("stopPrice", "is required for STP orders");
        assertThat(problems(Body.of("STP_LMT").limit("10.00"))).containsEntry("stopPrice", "is required for STP_LMT orders");
        assertThat(valid(Body.of("TRAIL").amount("1.00")).stopPrice()).isNull();
        for (String type : List.of("MKT", "MOC")) {
            assertThat(problems(Body.of(type).stop("10.00")).get("stopPrice")).startsWith("must be absent for " + type + " orders");
        }
        assertThat(problems(Body.of("LMT").limit("10.00").stop("10.00"))).containsOnlyKeys("stopPrice");
    }

    @Test
    void trailNeedsExactlyOneOfAmountAndPercentAndOnlyTrailTrails() {
        assertThat(problems(Body.of("TRAIL"))).containsEntry("trailAmount", "is required for TRAIL orders unless trailPercent is given");
        assertThat(problems(Body.of("TRAIL").amount("1.00").percent("1"))).containsOnlyKeys("trailPercent");
        assertThat(problems(Body.of("TRAIL").percent("100"))).containsEntry("trailPercent", "must be greater than 0 and less than 100");
        assertThat(problems(Body.of("TRAIL").percent("0"))).containsEntry("trailPercent", "must be greater than 0 and less than 100");
        assertThat(problems(Body.of("STP").stop("10.00").amount("1.00").percent("1")))
                .containsOnlyKeys("trailAmount", "trailPercent")
                .containsEntry("trailAmount", "must be absent for STP orders: only TRAIL orders trail");
    }

    @Test
    void everyPriceIsPositiveAndOnTheTickGrid() {
        assertThat(problems(Body.of("LMT").limit("0"))).containsEntry("limitPrice", "must be greater than 0");
        assertThat(problems(Body.of("STP").stop("-1.00"))).containsEntry("stopPrice", "must be greater than 0");
        assertThat(problems(Body.of("TRAIL").amount("-0.50"))).containsEntry("trailAmount", "must be greater than 0");
        Map<String, String> offGrid = problems(Body.of("STP_LMT").limit("10.001").stop("10.005"));
        assertThat(offGrid).containsOnlyKeys("limitPrice", "stopPrice");
        assertThat(offGrid.get("stopPrice")).isEqualTo("must be a multiple of the tick size 0.01");
        assertThat(problems(Body.of("TRAIL").amount("0.255"))).containsEntry("trailAmount", "must be a multiple of the tick size 0.01");
        // No instrument (an unknown symbol, reported on its own): no grid to check against.
        assertThat(OrderValidation.check(Body.of("LMT").limit("10.001").json(), NOW, null, List.of()).limitPrice())
                .isEqualByComparingTo("10.001");
    }

    @Test
    void quantityIsPositiveWholeShares() {
        assertThat(problems(Body.of("MKT").qty(null))).containsEntry("qty", "is required");
        assertThat(problems(Body.of("MKT").qty("0"))).containsEntry("qty", "must be greater than 0");
        assertThat(problems(Body.of("MKT").qty("1.5"))).containsEntry("qty", "must be a whole number of shares");
        assertThat(valid(Body.of("MKT").qty("100.00")).qty()).isEqualByComparingTo("100");
    }

    @Test
    void gtdNeedsAFutureExpiryAndNoOtherTimeInForceTakesOne() {
        assertThat(problems(Body.of("MKT").tif("GTD"))).containsEntry("expireAt", "is required for GTD orders");
        assertThat(problems(Body.of("MKT").tif("GTD").expireAt("2026-12-01T15:00:00Z"))).containsEntry("expireAt", "must be in the future");
        assertThat(problems(Body.of("MKT").tif("GTD").expireAt("2026-12-01T15:00:00.900Z")))
                .as("IB's goodTillDate has whole seconds").containsEntry("expireAt", "must be in the future");
        assertThat(problems(Body.of("MKT").tif("GTD").expireAt("tomorrow")).get("expireAt")).startsWith("must be an ISO-8601 instant");
        assertThat(problems(Body.of("MKT").tif("GTC").expireAt("2026-12-02T15:00:00Z"))).containsEntry("expireAt", "must be absent unless tif is GTD");
    }

    @Test
    void closeAuctionOrdersAreDayOrdersOnly() {
        assertThat(problems(Body.of("MOC").tif("GTC"))).containsEntry("tif",
                "must be DAY for MOC orders: they trade in the closing auction of the day they are placed");
        assertThat(problems(Body.of("LOC").limit("10.00").tif("IOC"))).containsEntry("tif",
                "IOC cannot be used for LOC orders: they wait for the closing auction and never execute immediately");
        assertThat(problems(Body.of("MOC").tif("FOK")).get("tif")).startsWith("FOK cannot be used for MOC orders");
        assertThat(problems(Body.of("MOC").tif("OPG"))).containsKey("tif");
    }

    @Test
    void openingAuctionIsOnlyForMarketAndLimitOrders() {
        assertThat(problems(Body.of("STP").stop("10.00").tif("OPG"))).containsEntry("tif",
                "OPG is only for MKT and LMT orders: only they take part in the opening auction");
        assertThat(problems(Body.of("TRAIL").amount("1.00").tif("OPG"))).containsOnlyKeys("tif");
    }

    @Test
    void outsideRegularHoursIsRefusedForAuctionOrders() {
        assertThat(problems(Body.of("MOC").outsideRth(true))).containsEntry("outsideRth",
                "must be false for MOC orders: they trade only in the closing auction");
        assertThat(problems(Body.of("MKT").tif("OPG").outsideRth(true))).containsEntry("outsideRth",
                "must be false for OPG orders: they trade only in the opening auction");
        assertThat(valid(Body.of("STP").stop("10.00").tif("GTC").outsideRth(true)).outsideRth()).isTrue();
    }

    @Test
    void reportsEveryProblemAtOnceWithTheCallersOwn() {
        SubmitOrderBody body = new SubmitOrderBody(null, "ZZZZ", "HOLD", "STP_LMT", new BigDecimal("-1"), null, "GTD",
                "bad id!", new BigDecimal("10.001"), new BigDecimal("1"), null, null, true);
        Map<String, String> problems = problems(body, List.of(new FieldProblem("symbol", "is not a known instrument")));
        assertThat(problems).containsOnlyKeys("account", "symbol", "side", "qty", "clientOrderId", "limitPrice",
                "stopPrice", "trailAmount", "expireAt");
        assertThat(problems(null, List.of())).containsOnlyKeys("body");
    }

    @Test
    void unknownEnumsAreFieldErrorsListingTheChoices() {
        Map<String, String> problems = problems(Body.of("PEG").tif("GTX"));
        assertThat(problems.get("type")).isEqualTo("must be one of [MKT, LMT, STP, STP_LMT, TRAIL, MOC, LOC]");
        assertThat(problems.get("tif")).isEqualTo("must be one of [DAY, GTC, IOC, FOK, GTD, OPG]");
    }

    private static BigDecimal dec(String v) {
        return v == null ? null : new BigDecimal(v);
    }
}
