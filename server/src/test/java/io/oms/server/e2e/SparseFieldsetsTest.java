package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code fields=} keeps only the named properties of a resource, on get and list endpoints alike (one response
 * filter for all controllers); a name the resource does not have is a 400 naming it, even on an empty page.
 */
class SparseFieldsetsTest extends EndToEndTest {

    @Test
    void listKeepsOnlyTheRequestedFieldsOfEachItemAndItsCursor() {
        OwnTenant own = ownTenant("sparse", "Sparse fieldsets tenant");
        place(own);
        place(own);
        ApiClient.Response page = own.api().get("/api/v1/orders?limit=1&fields=id,state");
        assertThat(page.status()).isEqualTo(200);
        assertThat(names(page.body().get("items").get(0))).containsExactlyInAnyOrder("id", "state");
        assertThat(page.text("next")).isNotBlank();
        ApiClient.Response second = own.api().get("/api/v1/orders?limit=1&fields=symbol&cursor=" + page.text("next"));
        assertThat(names(second.body().get("items").get(0))).containsExactly("symbol");
    }

    @Test
    void getKeepsOnlyTheRequestedFieldsAndItsETag() {
        OwnTenant own = ownTenant("sparseg", "Sparse get tenant");
        String id = place(own);
        ApiClient.Response order = own.api().get("/api/v1/orders/" + id + "?fields=id,symbol,version");
        assertThat(order.status()).isEqualTo(200);
        assertThat(names(order.body())).containsExactlyInAnyOrder("id", "symbol", "version");
        assertThat(order.header("ETag")).isEqualTo("\"" + order.body().get("version").asLong() + "\"");
        ApiClient.Response executions = own.api().get("/api/v1/orders/" + id + "/executions?fields=execId,price");
        assertThat(executions.status()).isEqualTo(200);
    }

    @Test
    void unknownFieldIsAValidationErrorNamingIt() {
        OwnTenant own = ownTenant("sparseu", "Sparse unknown tenant");
        for (String path : List.of("/api/v1/orders?fields=id,colour", "/api/v1/orders/" + place(own) + "?fields=colour",
                "/api/v1/positions?fields=colour", "/api/v1/orders?fields=id,", "/api/v1/audit/verify?fields=nope")) {
            ApiClient.Response refused = own.api().get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.body().get("details").get(0).get("field").asString()).isEqualTo("fields");
        }
        ApiClient.Response emptyPage = ownTenant("sparsee", "Empty tenant").api().get("/api/v1/audit?fields=nope");
        assertThat(emptyPage.status()).isEqualTo(400);
        assertThat(emptyPage.body().get("details").get(0).get("problem").asString()).contains("nope");
    }

    @Test
    void positionsAndHistoryTakeFieldsToo() {
        ApiClient.Response positions = api.get("/api/v1/positions?fields=symbol,qty");
        assertThat(positions.status()).isEqualTo(200);
        positions.body().forEach(p -> assertThat(names(p)).containsExactlyInAnyOrder("symbol", "qty"));
        assertThat(api.get("/api/v1/pnl/history?fields=account,totalPnl").status()).isEqualTo(200);
        OwnTenant own = ownTenant("sparsea", "Sparse audit tenant");
        place(own);
        assertThat(names(own.api().get("/api/v1/audit?limit=1&fields=id,action").body().get("items").get(0)))
                .containsExactlyInAnyOrder("id", "action");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static String place(OwnTenant own) {
        ApiClient.Response placed = own.api().post("/api/v1/orders", "{\"account\":\"" + own.account()
                + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}");
        assertThat(placed.status()).as(placed.body().toString()).isIn(201, 202);
        return placed.text("id");
    }
}
