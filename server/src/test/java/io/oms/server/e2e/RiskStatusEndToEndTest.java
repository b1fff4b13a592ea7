package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/risk/status}: each limit that applies to the account with its usage and headroom, computed
 * from the account's stored position, working orders, recent orders and today's P&L.
 */
class RiskStatusEndToEndTest extends EndToEndTest {

    private UUID order(JdbcClient jdbc, OwnTenant own, String symbol, String side, String qty, String limit) {
        UUID id = UuidV7.next();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price,
                                            tif, state, filled_quantity, version, created_at, updated_at)
                        VALUES (:id, :t, :c, :a, :s, :side, 'LMT', :q, :l, 'DAY', 'ROUTED', 0, 1, :now, :now)""")
                .param("id", id).param("t", own.id()).param("c", uniqueId("st")).param("a", own.account())
                .param("s", symbol).param("side", side).param("q", new BigDecimal(qty)).param("l", new BigDecimal(limit))
                .param("now", now).update();
        return id;
    }

    private static Map<String, JsonNode> byType(JsonNode limits) {
        Map<String, JsonNode> map = new HashMap<>();
        for (JsonNode l : limits) map.put(l.get("type").asString() + "/" + l.get("scope").asString(), l);
        return map;
    }

    @Test
    void showsUsageAndHeadroomOfEveryLimitThatAppliesToTheAccount() {
        OwnTenant own = ownTenant("rs", "Risk status");
        JdbcClient jdbc = context().getBean(JdbcClient.class);
        String symbol = "ST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        for (String limit : new String[] {
                "{\"scope\":\"ACCOUNT\",\"scopeValue\":\"" + own.account() + "\",\"type\":\"OPEN_ORDERS\",\"value\":5}",
                "{\"scope\":\"ACCOUNT\",\"scopeValue\":\"DU0000001\",\"type\":\"OPEN_ORDERS\",\"value\":1}",
                "{\"scope\":\"INSTRUMENT\",\"scopeValue\":\"" + symbol + "\",\"type\":\"POSITION_LIMIT\",\"value\":1000}",
                "{\"scope\":\"TENANT\",\"type\":\"ORDER_RATE\",\"value\":10,\"periodSeconds\":3600}",
                "{\"scope\":\"TENANT\",\"type\":\"DAILY_LOSS\",\"value\":500}",
                "{\"scope\":\"TENANT\",\"type\":\"MAX_ORDER_QTY\",\"value\":100}",
                "{\"scope\":\"TENANT\",\"type\":\"DRAWDOWN\",\"value\":100}"}) {
            assertThat(own.api().post("/api/v1/risk/limits", limit).status()).isEqualTo(201);
        }
        UUID buy = order(jdbc, own, symbol, "BUY", "300", "8");
        order(jdbc, own, symbol, "SELL", "50", "12");
        jdbc.sql("INSERT INTO positions (tenant_id, account, symbol, quantity, avg_cost, realized_pnl) VALUES (:t, :a, :s, 200, 10, 0)")
                .param("t", own.id()).param("a", own.account()).param("s", symbol).update();
        jdbc.sql("INSERT INTO market_prices (symbol, price, at) VALUES (:s, 9, now())").param("s", symbol).update();
        jdbc.sql("""
                        INSERT INTO executions (id, tenant_id, order_id, account, exec_id, exec_base, symbol, side, quantity, price,
                                                executed_at, commission, realized_pnl)
                        VALUES (:id, :t, :o, :a, :e, :e, :s, 'SELL', 1, 9, now(), 2, -100)""")
                .param("id", UuidV7.next()).param("t", own.id()).param("o", buy).param("a", own.account())
                .param("e", uniqueId("ex")).param("s", symbol).update();

        ApiClient.Response status = own.api().get("/api/v1/risk/status?account=" + own.account());

        assertThat(status.status()).isEqualTo(200);
        assertThat(status.text("account")).isEqualTo(own.account());
        assertThat(status.body().get("workingOrders").asInt()).isEqualTo(2);
        // -100 realized + (9 - 10) x 200 unrealized - 2 commissions
        assertThat(new BigDecimal(status.text("dayPnl"))).isEqualByComparingTo("-302");
        Map<String, JsonNode> limits = byType(status.body().get("limits"));
        assertThat(limits).as("the other account's limit is not shown").hasSize(6);
        assertThat(limits.get("OPEN_ORDERS/ACCOUNT").get("usage").asString()).isEqualTo("2");
        assertThat(limits.get("OPEN_ORDERS/ACCOUNT").get("headroom").asString()).isEqualTo("3");
        assertThat(limits.get("POSITION_LIMIT/INSTRUMENT").get("usage").asString()).as("200 held + 300 buying").isEqualTo("500");
        assertThat(limits.get("POSITION_LIMIT/INSTRUMENT").get("headroom").asString()).isEqualTo("500");
        assertThat(limits.get("ORDER_RATE/TENANT").get("usage").asString()).isEqualTo("2");
        assertThat(limits.get("DAILY_LOSS/TENANT").get("usage").asString()).isEqualTo("302");
        assertThat(limits.get("DAILY_LOSS/TENANT").get("headroom").asString()).isEqualTo("198");
        assertThat(limits.get("MAX_ORDER_QTY/TENANT").has("usage")).isFalse();
        assertThat(limits.get("MAX_ORDER_QTY/TENANT").get("note").asString()).contains("each order");
        // the day's peak is the highest P&L a check has seen: no check saw more than now, so nothing has fallen yet
        assertThat(limits.get("DRAWDOWN/TENANT").get("usage").asString()).isEqualTo("0");
    }

    @Test
    void anAccountTheTenantDoesNotHoldAnswersNotFoundAndAMissingOneIsAFieldError() {
        OwnTenant own = ownTenant("ru", "Risk unknown");
        ApiClient.Response foreign = own.api().get("/api/v1/risk/status?account=" + ACCOUNT);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text("code")).isEqualTo("NOT_FOUND");
        assertThat(own.api().get("/api/v1/risk/status?account=DU_NOBODY").status()).isEqualTo(404);
        ApiClient.Response missing = own.api().get("/api/v1/risk/status");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("account");
        ApiClient.Response empty = own.api().get("/api/v1/risk/status?account=" + own.account());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().get("limits")).isEmpty();
        assertThat(empty.text("dayPnl")).isEqualTo("0");
    }
}
