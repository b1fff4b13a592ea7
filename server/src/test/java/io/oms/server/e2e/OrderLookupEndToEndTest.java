package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** GET /api/v1/orders:by_client_order_id finds an order by the client's id, within the caller's tenant only. */
class OrderLookupEndToEndTest extends EndToEndTest {
    @Autowired
    TenantRepository tenants;
    @Autowired
    ApiKeys apiKeys;

    @Test
    void findsTheOrderByItsClientOrderId() {
        String clientOrderId = uniqueId("look:up.1"); // ":" and "." are legal in client order ids
        ApiClient.Response placed = api.post("/api/v1/orders", order(clientOrderId, "MSFT", "BUY", "LMT", "2", "1.00"));
        assertThat(placed.status()).isEqualTo(201);

        ApiClient.Response found = api.get(lookup(clientOrderId));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("id")).isEqualTo(placed.text("id"));
        assertThat(found.text("clientOrderId")).isEqualTo(clientOrderId);
        api.post("/api/v1/orders/" + placed.text("id") + "/cancel", "");
    }

    @Test
    void unknownClientOrderIdIsNotFound() {
        ApiClient.Response missing = api.get(lookup("never-" + UUID.randomUUID()));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void missingParameterIsAFieldError() {
        ApiClient.Response bad = api.get("/api/v1/orders:by_client_order_id");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(bad.body().get("details").toString()).contains("client_order_id");
    }

    @Test
    void anotherTenantCannotFindIt() {
        String clientOrderId = uniqueId("mine");
        ApiClient.Response placed = api.post("/api/v1/orders", order(clientOrderId, "MSFT", "BUY", "LMT", "2", "1.00"));
        String tenant = "look" + UUID.randomUUID().toString().substring(0, 8);
        tenants.ensure(tenant, "Lookup tenant");
        ApiClient other = api.withKey(apiKeys.create(tenant, "e2e-lookup", List.of("*")));

        assertThat(other.get(lookup(clientOrderId)).status()).isEqualTo(404);
        api.post("/api/v1/orders/" + placed.text("id") + "/cancel", "");
    }

    private static String lookup(String clientOrderId) {
        return "/api/v1/orders:by_client_order_id?client_order_id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8);
    }
}
