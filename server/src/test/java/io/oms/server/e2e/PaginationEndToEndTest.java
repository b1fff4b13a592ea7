package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.PnlRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Cursor pagination, whitelisted filters and sorting on every list endpoint: walking the pages in either sort
 * direction yields each row exactly once in order, filters narrow, and anything not whitelisted (a filter, a
 * sort key, a limit over the maximum, a cursor of another listing or a forged one) is a 400 naming it.
 */
class PaginationEndToEndTest extends EndToEndTest {
    @Autowired
    PnlRepository pnl;

    @Test
    void walksEveryOrderOnceInEitherSortDirection() {
        OwnTenant own = ownTenant("page", "Pagination tenant");
        List<String> placed = new ArrayList<>();
        for (String symbol : List.of("AAPL", "META", "AMZN", "AAPL", "META")) {
            placed.add(place(own, symbol, "BUY"));
        }
        List<JsonNode> newestFirst = walk(own.api(), "/api/v1/orders?limit=2");
        assertThat(newestFirst).extracting(o -> o.get("id").asString()).containsExactlyInAnyOrderElementsOf(placed);
        assertThat(newestFirst).extracting(o -> Instant.parse(o.get("createdAt").asString()))
                .isSortedAccordingTo(Comparator.reverseOrder());

        List<JsonNode> oldestFirst = walk(own.api(), "/api/v1/orders?limit=2&sort=created_at");
        assertThat(oldestFirst).extracting(o -> o.get("id").asString())
                .containsExactlyElementsOf(newestFirst.reversed().stream().map(o -> o.get("id").asString()).toList());
        assertThat(own.api().get("/api/v1/orders?limit=5").body().has("next")).as("no next after the last row").isFalse();
    }

    @Test
    void ordersFilterBySymbolSideAccountAndCreationWindow() {
        OwnTenant own = ownTenant("pfilt", "Filter tenant");
        Instant before = Instant.now();
        String aaplBuy = place(own, "AAPL", "BUY");
        String metaSell = place(own, "META", "SELL");
        Instant between = Instant.now();
        String aaplSell = place(own, "AAPL", "SELL");

        assertThat(ids(own.api(), "/api/v1/orders?symbol=AAPL")).containsExactlyInAnyOrder(aaplBuy, aaplSell);
        assertThat(ids(own.api(), "/api/v1/orders?side=sell&symbol=aapl")).containsExactly(aaplSell);
        assertThat(ids(own.api(), "/api/v1/orders?account=" + own.account() + "&side=SELL")).containsExactlyInAnyOrder(metaSell, aaplSell);
        assertThat(ids(own.api(), "/api/v1/orders?account=DU0000000")).isEmpty();
        assertThat(ids(own.api(), "/api/v1/orders?created_after=" + before + "&created_before=" + between))
                .containsExactlyInAnyOrder(aaplBuy, metaSell);
        assertThat(ids(own.api(), "/api/v1/orders?symbol=AAPL&created_after=" + between)).containsExactly(aaplSell);
    }

    @Test
    void unknownFilterSortOrBadFilterValueIsRefusedNamingIt() {
        refused("/api/v1/orders?colour=red", "colour");
        refused("/api/v1/orders?sort=price", "sort");
        refused("/api/v1/orders?sort=-state", "sort");
        refused("/api/v1/orders?side=HOLD", "side");
        refused("/api/v1/orders?created_after=yesterday", "created_after");
        refused("/api/v1/orders?state=CANCELED&state=FILLED", "state");
        refused("/api/v1/audit?sort=created_at", "sort");
        refused("/api/v1/audit?state=FILLED", "state");
        refused("/api/v1/pnl/history?symbol=AAPL", "symbol");
        refused("/api/v1/positions?limit=10", "limit");
        refused("/api/v1/positions?colour=red", "colour");
    }

    @Test
    void limitIsBoundedByTheServerMaximum() {
        assertThat(api.get("/api/v1/orders?limit=500").status()).isEqualTo(200);
        refused("/api/v1/orders?limit=501", "limit");
        refused("/api/v1/orders?limit=0", "limit");
        refused("/api/v1/audit?limit=1000", "limit");
    }

    @Test
    void malformedForgedOrForeignCursorsAreRefused() {
        OwnTenant own = ownTenant("pcur", "Cursor tenant");
        place(own, "AAPL", "BUY");
        place(own, "AAPL", "BUY");
        String next = own.api().get("/api/v1/orders?limit=1").text("next");
        assertThat(next).isNotBlank();
        assertThat(own.api().get("/api/v1/orders?limit=1&cursor=" + next).status()).isEqualTo(200);

        refused(own.api(), "/api/v1/orders?cursor=not-a-cursor!", "cursor");
        refused(own.api(), "/api/v1/orders?sort=created_at&cursor=" + next, "cursor");
        refused(own.api(), "/api/v1/audit?cursor=" + next, "cursor");
        refused(own.api(), "/api/v1/orders?cursor=" + base64("[\"c1\",\"orders\",\"-created_at\",\"not-a-time\",\"x\"]"), "cursor");
        refused(own.api(), "/api/v1/orders?cursor=" + base64("[\"c9\",\"orders\",\"-created_at\",\"2026-01-01T00:00:00Z\"]"), "cursor");
        refused(own.api(), "/api/v1/orders?cursor=" + base64("{\"id\":1}"), "cursor");
    }

    @Test
    void auditPagesInIdOrderInEitherDirection() {
        OwnTenant own = ownTenant("paud", "Audit paging tenant");
        for (int i = 0; i < 3; i++) place(own, "AAPL", "BUY");
        List<JsonNode> newest = walk(own.api(), "/api/v1/audit?action=order.submit&limit=2");
        assertThat(newest).hasSize(3).extracting(e -> e.get("id").asString()).isSortedAccordingTo(Comparator.reverseOrder());
        List<JsonNode> oldest = walk(own.api(), "/api/v1/audit?action=order.submit&limit=2&sort=id");
        assertThat(oldest).extracting(e -> e.get("id").asString()).isSorted().hasSize(3);
    }

    @Test
    void pnlHistoryPagesByDateThenAccountInEitherDirection() {
        OwnTenant own = ownTenant("ppnl", "P&L paging tenant");
        LocalDate first = LocalDate.of(2025, 3, 3);
        for (int day = 0; day < 3; day++) {
            for (String account : List.of("A1", "A2")) {
                pnl.insertSnapshot(own.id(), new PnlRepository.Snapshot(account, first.plusDays(day), BigDecimal.ONE,
                        BigDecimal.ZERO, BigDecimal.ZERO, "[]", Instant.now()));
            }
        }
        String range = "from=2025-03-01&to=2025-03-10&limit=4";
        List<JsonNode> ascending = walk(own.api(), "/api/v1/pnl/history?" + range);
        assertThat(ascending).extracting(s -> s.get("tradingDate").asString() + "/" + s.get("account").asString())
                .containsExactly("2025-03-03/A1", "2025-03-03/A2", "2025-03-04/A1", "2025-03-04/A2", "2025-03-05/A1", "2025-03-05/A2");
        List<JsonNode> descending = walk(own.api(), "/api/v1/pnl/history?sort=-trading_date&" + range);
        assertThat(descending).containsExactlyElementsOf(ascending.reversed());
        assertThat(walk(own.api(), "/api/v1/pnl/history?account=A2&" + range)).hasSize(3);
    }

    /** Follows {@code next} to the end (bounded), collecting every item. */
    private static List<JsonNode> walk(ApiClient client, String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String path = firstPage;
        for (int pages = 0; pages < 50 && path != null; pages++) {
            ApiClient.Response page = client.get(path);
            assertThat(page.status()).as(path + " " + page.body()).isEqualTo(200);
            page.body().get("items").forEach(items::add);
            String next = page.text("next");
            path = next == null ? null : firstPage + "&cursor=" + next;
        }
        assertThat(path).as("pagination ended").isNull();
        return items;
    }

    private static List<String> ids(ApiClient client, String path) {
        ApiClient.Response page = client.get(path);
        assertThat(page.status()).as(path + " " + page.body()).isEqualTo(200);
        return page.body().get("items").findValuesAsString("id");
    }

    private void refused(String path, String field) {
        refused(api, path, field);
    }

    private static void refused(ApiClient client, String path, String field) {
        ApiClient.Response answer = client.get(path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(400);
        assertThat(answer.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(answer.body().get("details").findValuesAsString("field")).as(path).contains(field);
    }

    private static String place(OwnTenant own, String symbol, String side) {
        ApiClient.Response placed = own.api().post("/api/v1/orders", "{\"account\":\"" + own.account() + "\",\"symbol\":\""
                + symbol + "\",\"side\":\"" + side + "\",\"type\":\"MKT\",\"qty\":\"1\"}");
        assertThat(placed.status()).as(placed.body().toString()).isIn(201, 202);
        return placed.text("id");
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

}
