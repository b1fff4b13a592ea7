package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A user's access token carries their role's scopes: a Viewer reads orders but cannot place or cancel one. */
class ViewerTokenScopesEndToEndTest extends EndToEndTest {
    @Autowired
    ApplicationContext beans;

    @Test
    void aViewersTokenCanListOrdersButCannotPlaceOrCancelOne() {
        OwnTenant tenant = ownTenant("viewer", "Viewer tenant");
        ApiClient.Response placed = tenant.api().post("/api/v1/orders",
                "{\"account\":\"" + tenant.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LMT\","
                        + "\"qty\":\"1\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\"}");
        assertThat(placed.status()).isEqualTo(201);

        TestUsers users = new TestUsers(beans, api);
        ApiClient viewer = users.as(users.loggedIn(users.create(Role.VIEWER, tenant.id()), null));
        assertThat(viewer.get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(viewer.get("/api/v1/orders/" + placed.text("id")).status()).isEqualTo(200);

        ApiClient.Response place = viewer.post("/api/v1/orders",
                "{\"account\":\"" + tenant.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\"}");
        assertThat(place.status()).isEqualTo(403);
        assertThat(place.text("code")).isEqualTo("FORBIDDEN");
        assertThat(place.text("hint")).contains("orders:place");
        assertThat(viewer.post("/api/v1/orders/" + placed.text("id") + "/cancel", "").status()).isEqualTo(403);
    }

    @Test
    void aTradersTokenCanPlaceAnOrder() {
        OwnTenant tenant = ownTenant("trader", "Trader tenant");
        TestUsers users = new TestUsers(beans, api);
        ApiClient trader = users.as(users.loggedIn(users.create(Role.TRADER, tenant.id()), null));
        ApiClient.Response place = trader.post("/api/v1/orders",
                "{\"account\":\"" + tenant.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LMT\","
                        + "\"qty\":\"1\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\"}");
        assertThat(place.status()).isEqualTo(201);
    }
}
