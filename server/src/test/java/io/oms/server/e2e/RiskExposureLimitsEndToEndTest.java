package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.risk.RiskChecks;
import io.oms.infra.risk.DayPeakRepository;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Asset-class limits, leverage, concentration, account equity and the trailing drawdown through the limits API, and
 * their effect on the risk checks (asked directly, as the order path would) and on the risk status.
 */
class RiskExposureLimitsEndToEndTest extends EndToEndTest {
    private static final String LIMITS = "/api/v1/risk/limits";

    @Autowired
    private RiskChecks checks;

    @Autowired
    private DayPeakRepository peaks;

    private static List<String> problemFields(ApiClient.Response answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode d : answer.body().get("details")) fields.add(d.get("field").asString());
        return fields;
    }

    private static String limit(String scope, String scopeValue, String type, String value) {
        return "{\"scope\":\"" + scope + "\"," + (scopeValue == null ? "" : "\"scopeValue\":\"" + scopeValue + "\",")
                + "\"type\":\"" + type + "\",\"value\":\"" + value + "\"}";
    }

    @Test
    void acceptsTheNewScopeAndTypesAndRefusesTheirInvalidForms() {
        OwnTenant own = ownTenant("rxv", "Exposure validation");
        ApiClient.Response assetClass = own.api().post(LIMITS, limit("ASSET_CLASS", " opt ", "MAX_NOTIONAL", "50000"));
        assertThat(assetClass.status()).isEqualTo(201);
        assertThat(assetClass.text("scopeValue")).as("upper-cased").isEqualTo("OPT");
        ApiClient.Response leverage = own.api().post(LIMITS, limit("TENANT", null, "MAX_LEVERAGE", "2.5"));
        assertThat(leverage.status()).isEqualTo(201);
        assertThat(leverage.text("unit")).isEqualTo("ratio");
        assertThat(own.api().post(LIMITS, limit("ACCOUNT", own.account(), "MAX_CONCENTRATION_PCT", "20")).text("unit"))
                .isEqualTo("percent");
        assertThat(own.api().post(LIMITS, limit("ACCOUNT", own.account(), "ACCOUNT_EQUITY", "1000000")).status()).isEqualTo(201);

        assertThat(problemFields(own.api().post(LIMITS, limit("ASSET_CLASS", "STOCK", "MAX_ORDER_QTY", "1"))))
                .containsExactly("scopeValue");
        assertThat(problemFields(own.api().post(LIMITS, limit("ASSET_CLASS", null, "MAX_ORDER_QTY", "1"))))
                .containsExactly("scopeValue");
        assertThat(problemFields(own.api().post(LIMITS, limit("TENANT", null, "ACCOUNT_EQUITY", "1000"))))
                .containsExactly("scope");
        assertThat(problemFields(own.api().post(LIMITS, limit("TENANT", null, "MAX_CONCENTRATION_PCT", "100.5"))))
                .containsExactly("value");
        assertThat(problemFields(own.api().post(LIMITS, limit("TENANT", null, "MAX_LEVERAGE", "0")))).containsExactly("value");
        assertThat(problemFields(own.api().post(LIMITS, limit("TENANT", null, "MAX_LEVERAGE", "1001")))).containsExactly("value");
        assertThat(own.api().get(LIMITS).body().get("items")).hasSize(4);
    }

    @Test
    void anAssetClassLimitBindsOrdersInInstrumentsOfThatSecurityTypeOnly() {
        OwnTenant own = ownTenant("rxa", "Exposure asset class");
        own.api().post(LIMITS, limit("ASSET_CLASS", "OPT", "MAX_ORDER_QTY", "1"));
        assertThat(denials(own, Side.BUY, "10", "100", DenialReason.MAX_ORDER_QTY)).as("AAPL is a stock").isEmpty();
        own.api().post(LIMITS, limit("ASSET_CLASS", "STK", "MAX_ORDER_QTY", "5"));
        assertThat(denials(own, Side.BUY, "10", "100", DenialReason.MAX_ORDER_QTY))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("ASSET_CLASS STK"));
    }

    @Test
    void leverageAndConcentrationFailClosedWithoutEquityAndBindOnceItIsSet() {
        OwnTenant own = ownTenant("rxl", "Exposure leverage");
        own.api().post(LIMITS, limit("TENANT", null, "MAX_LEVERAGE", "2"));
        own.api().post(LIMITS, limit("TENANT", null, "MAX_CONCENTRATION_PCT", "50"));
        assertThat(denials(own, Side.BUY, "1", "100", DenialReason.LEVERAGE))
                .singleElement().satisfies(d -> assertThat(d.message()).contains("ACCOUNT_EQUITY"));
        assertThat(denials(own, Side.BUY, "1", "100", DenialReason.CONCENTRATION)).hasSize(1);

        own.api().post(LIMITS, limit("ACCOUNT", own.account(), "ACCOUNT_EQUITY", "10000"));
        assertThat(denials(own, Side.BUY, "50", "100", DenialReason.LEVERAGE)).isEmpty();
        assertThat(denials(own, Side.BUY, "50", "100", DenialReason.CONCENTRATION)).as("5,000 of 10,000: 50 %").isEmpty();
        assertThat(denials(own, Side.BUY, "51", "100", DenialReason.CONCENTRATION))
                .singleElement().satisfies(d -> assertThat(d.actual()).isEqualByComparingTo("51"));
        assertThat(denials(own, Side.BUY, "201", "100", DenialReason.LEVERAGE))
                .singleElement().satisfies(d -> assertThat(d.actual()).isEqualByComparingTo("2.01"));

        JsonNode status = own.api().get("/api/v1/risk/status?account=" + own.account()).body();
        assertThat(status.get("equity").asString()).isEqualTo("10000");
        assertThat(status.get("grossExposure").asString()).isEqualTo("0");
        assertThat(usage(status, "MAX_LEVERAGE")).isEqualTo("0");
        assertThat(usage(status, "MAX_CONCENTRATION_PCT")).isEqualTo("0");
    }

    @Test
    void theTrailingDrawdownBindsOnceTheDaysPeakIsRecorded() {
        OwnTenant own = ownTenant("rxd", "Exposure drawdown");
        own.api().post(LIMITS, limit("TENANT", null, "DRAWDOWN", "500"));
        assertThat(denials(own, Side.BUY, "1", "100", DenialReason.DRAWDOWN)).as("flat day: no fall").isEmpty();
        JsonNode flat = own.api().get("/api/v1/risk/status?account=" + own.account()).body();
        assertThat(flat.get("dayPeakPnl").asString()).as("recorded by the snapshots").isEqualTo("0");

        // The day's P&L reached 800 earlier (recorded by an earlier check or P&L snapshot) and is 0 now.
        Instant now = Instant.now();
        peaks.raise(own.id(), own.account(), RiskSnapshots.tradingDate(now), new BigDecimal("800"), now);
        assertThat(denials(own, Side.BUY, "1", "100", DenialReason.DRAWDOWN))
                .singleElement().satisfies(d -> assertThat(d.actual()).isEqualByComparingTo("800"));
        JsonNode status = own.api().get("/api/v1/risk/status?account=" + own.account()).body();
        assertThat(status.get("dayPeakPnl").asString()).isEqualTo("800");
        assertThat(usage(status, "DRAWDOWN")).isEqualTo("800");
    }

    private List<RiskDenial> denials(OwnTenant own, Side side, String qty, String price, DenialReason reason) {
        OrderIntent order = new OrderIntent(own.id(), "rx-" + qty, own.account(), "AAPL", side, OrderType.LMT,
                TimeInForce.DAY, new BigDecimal(qty), new BigDecimal(price), null, false, null, null);
        return checks.check(new RiskCheckRequest(order, RiskCheckKind.NEW_ORDER)).denials().stream()
                .filter(d -> d.reason() == reason).toList();
    }

    private static String usage(JsonNode status, String type) {
        for (JsonNode l : status.get("limits")) if (l.get("type").asString().equals(type)) return l.get("usage").asString();
        return null;
    }
}
