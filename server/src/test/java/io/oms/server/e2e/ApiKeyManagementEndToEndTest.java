package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiKeys;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** /api/v1/api-keys: created once-shown and hashed, scoped within the creator, rotated, revoked, tenant-bound. */
class ApiKeyManagementEndToEndTest extends EndToEndTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private People people() {
        return new People(context, api);
    }

    private static String keyBody(String name, String scopes) {
        return "{\"name\":\"" + name + "\",\"scopes\":[" + scopes + "]}";
    }

    @Test
    void theCreatedKeyIsShownOnceWorksAndIsStoredOnlyAsAHash() {
        OwnTenant own = ownTenant("keys", "Keys tenant");

        ApiClient.Response created = own.api().post("/api/v1/api-keys", keyBody("reader", "\"orders:view\""));

        assertThat(created.status()).isEqualTo(201);
        String key = created.text("key");
        assertThat(key).matches(ApiKeys.FORMAT.pattern());
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.body().get("scopes").toString()).isEqualTo("[\"orders:view\"]");
        assertThat(own.api().withKey(key).get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        ApiClient.Response listed = own.api().get("/api/v1/api-keys");
        JsonNode item = find(listed.body().get("items"), created.text("id"));
        assertThat(item.has("key")).isFalse();
        assertThat(listed.body().toString()).doesNotContain(key.substring(13));
        assertThat(jdbc.sql("SELECT key_hash FROM api_keys WHERE id = CAST(:id AS uuid)").param("id", created.text("id"))
                .query(String.class).single()).isEqualTo(ApiKeys.hash(key));
        ApiClient.Response audit = own.api().get("/api/v1/audit?resourceType=api_key&resourceId=" + created.text("id"));
        assertThat(audit.body().get("items")).hasSize(1);
        assertThat(audit.body().toString()).contains("api_key.create").doesNotContain(key.substring(13));
    }

    @Test
    void aKeyCanGrantOnlyScopesItHoldsAndUnknownScopesAreFieldErrors() {
        OwnTenant own = ownTenant("grant", "Grant tenant");
        String narrow = own.api().post("/api/v1/api-keys", keyBody("narrow", "\"orders:view\",\"auth:login\"")).text("key");
        ApiClient asNarrow = own.api().withKey(narrow);
        long before = keysOf(own.id());

        ApiClient.Response beyond = asNarrow.post("/api/v1/api-keys", keyBody("more", "\"orders:view\",\"orders:place\""));
        ApiClient.Response wildcard = asNarrow.post("/api/v1/api-keys", keyBody("all", "\"*\""));
        ApiClient.Response unknown = asNarrow.post("/api/v1/api-keys", keyBody("odd", "\"orders:fly\""));
        ApiClient.Response noScopes = asNarrow.post("/api/v1/api-keys", keyBody("none", ""));
        ApiClient.Response past = asNarrow.post("/api/v1/api-keys",
                "{\"name\":\"old\",\"scopes\":[\"orders:view\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}");

        assertThat(beyond.status()).isEqualTo(403);
        assertThat(beyond.text("code")).isEqualTo("FORBIDDEN");
        assertThat(beyond.text("message")).contains("orders:place").doesNotContain("orders:view");
        assertThat(wildcard.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(unknown.body().get("details").toString()).contains("orders:fly");
        assertThat(noScopes.status()).isEqualTo(400);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().get("details").toString()).contains("expiresAt");
        assertThat(keysOf(own.id())).isEqualTo(before);

        ApiClient.Response subset = asNarrow.post("/api/v1/api-keys", keyBody("same", "\"orders:view\""));
        assertThat(subset.status()).isEqualTo(201);
    }

    @Test
    void rotationAnswersANewSecretAndTheOldOneStopsWorkingAtOnce() {
        OwnTenant own = ownTenant("rot", "Rotation tenant");
        ApiClient.Response created = own.api().post("/api/v1/api-keys", keyBody("ci", "\"orders:view\""));
        String old = created.text("key");

        ApiClient.Response rotated = own.api().post("/api/v1/api-keys/" + created.text("id") + "/rotate", "");

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("id")).isEqualTo(created.text("id"));
        assertThat(rotated.text("name")).isEqualTo("ci");
        assertThat(rotated.body().get("scopes")).isEqualTo(created.body().get("scopes"));
        assertThat(rotated.text("key")).isNotEqualTo(old).matches(ApiKeys.FORMAT.pattern());
        assertThat(own.api().withKey(old).get("/api/v1/orders?limit=1").status()).isEqualTo(401);
        assertThat(own.api().withKey(rotated.text("key")).get("/api/v1/orders?limit=1").status()).isEqualTo(200);
        assertThat(own.api().get("/api/v1/audit?resourceType=api_key&resourceId=" + created.text("id")).body().toString())
                .contains("api_key.rotate").doesNotContain(rotated.text("key").substring(13));
    }

    @Test
    void aRevokedKeyStopsWorkingAndCannotBeRotated() {
        OwnTenant own = ownTenant("rev", "Revocation tenant");
        ApiClient.Response created = own.api().post("/api/v1/api-keys", keyBody("ci", "\"orders:view\""));
        String id = created.text("id");

        assertThat(own.api().delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);

        assertThat(own.api().withKey(created.text("key")).get("/api/v1/orders?limit=1").status()).isEqualTo(401);
        assertThat(find(own.api().get("/api/v1/api-keys").body().get("items"), id).get("status").asString()).isEqualTo("REVOKED");
        ApiClient.Response rotate = own.api().post("/api/v1/api-keys/" + id + "/rotate", "");
        assertThat(rotate.status()).isEqualTo(409);
        assertThat(rotate.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(own.api().delete("/api/v1/api-keys/" + id).status()).isEqualTo(204);
    }

    @Test
    void anExpiredKeyIsRefused() {
        OwnTenant own = ownTenant("exp", "Expiry tenant");
        String later = Instant.now().plusSeconds(3600).toString();
        ApiClient.Response created = own.api().post("/api/v1/api-keys",
                "{\"name\":\"temp\",\"scopes\":[\"orders:view\"],\"expiresAt\":\"" + later + "\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(own.api().withKey(created.text("key")).get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        jdbc.sql("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = CAST(:id AS uuid)")
                .param("id", created.text("id")).update();

        assertThat(own.api().withKey(created.text("key")).get("/api/v1/orders?limit=1").status()).isEqualTo(401);
        assertThat(find(own.api().get("/api/v1/api-keys").body().get("items"), created.text("id")).get("status").asString())
                .isEqualTo("EXPIRED");
    }

    @Test
    void anotherTenantsKeyIsNotFoundAndKeepsWorking() {
        OwnTenant mine = ownTenant("mine", "Mine");
        OwnTenant theirs = ownTenant("theirs", "Theirs");
        ApiClient.Response their = theirs.api().post("/api/v1/api-keys", keyBody("theirs", "\"orders:view\""));
        String id = their.text("id");

        assertThat(mine.api().delete("/api/v1/api-keys/" + id).status()).isEqualTo(404);
        ApiClient.Response rotate = mine.api().post("/api/v1/api-keys/" + id + "/rotate", "");
        assertThat(rotate.status()).isEqualTo(404);
        assertThat(rotate.text("code")).isEqualTo("NOT_FOUND");
        assertThat(mine.api().get("/api/v1/api-keys").body().toString()).doesNotContain(id);
        assertThat(theirs.api().withKey(their.text("key")).get("/api/v1/orders?limit=1").status()).isEqualTo(200);
        assertThat(mine.api().delete("/api/v1/api-keys/not-a-uuid").status()).isEqualTo(404);
    }

    @Test
    void aMemberSeesAndManagesOnlyTheirOwnKeysAndAnAdminEveryKey() {
        OwnTenant own = ownTenant("own", "Own keys");
        People.Person admin = people().member(own.id(), Role.ADMIN);
        People.Person trader = people().member(own.id(), Role.TRADER);
        String tradersKey = trader.api().post("/api/v1/api-keys", keyBody("bot", "\"orders:view\"")).text("id");
        String adminsKey = admin.api().post("/api/v1/api-keys", keyBody("ops", "\"orders:view\"")).text("id");

        String tradersList = trader.api().get("/api/v1/api-keys").body().toString();
        assertThat(tradersList).contains(tradersKey, trader.keyId().toString()).doesNotContain(adminsKey);
        assertThat(trader.api().delete("/api/v1/api-keys/" + adminsKey).status()).isEqualTo(404);
        assertThat(admin.api().get("/api/v1/api-keys").body().toString()).contains(tradersKey, adminsKey);
        assertThat(admin.api().delete("/api/v1/api-keys/" + tradersKey).status()).isEqualTo(204);
        assertThat(find(trader.api().get("/api/v1/api-keys").body().get("items"), tradersKey).get("ownerUserId").asString())
                .isEqualTo(trader.userId().toString());
    }

    @Test
    void aKeyShrinksWhenItsOwnerIsDemotedAndStopsWhenTheOwnerIsRemoved() {
        OwnTenant own = ownTenant("shrink", "Shrinking tenant");
        People.Person trader = people().member(own.id(), Role.TRADER);
        ApiClient.Response created = trader.api().post("/api/v1/api-keys", keyBody("bot", "\"orders:place\",\"orders:view\""));
        assertThat(created.status()).isEqualTo(201);
        ApiClient bot = own.api().withKey(created.text("key"));
        String order = order(uniqueId("shr"), "AAPL", "BUY", "LMT", "1", "1.00").replace(ACCOUNT, own.account());
        assertThat(bot.post("/api/v1/orders", order).status()).isEqualTo(201);

        assertThat(own.api().put("/api/v1/members/" + trader.userId(), "{\"role\":\"VIEWER\"}").status()).isEqualTo(200);

        ApiClient.Response refused = bot.post("/api/v1/orders", order(uniqueId("shr"), "AAPL", "BUY", "LMT", "1", "1.00")
                .replace(ACCOUNT, own.account()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("orders:place");
        assertThat(bot.get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        assertThat(own.api().delete("/api/v1/members/" + trader.userId()).status()).isEqualTo(204);
        assertThat(bot.get("/api/v1/orders?limit=1").status()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutAuthLoginCannotManageKeys() {
        OwnTenant own = ownTenant("nologin", "No login");
        String reader = own.api().post("/api/v1/api-keys", keyBody("reader", "\"orders:view\"")).text("key");
        ApiClient.Response refused = own.api().withKey(reader).post("/api/v1/api-keys", keyBody("x", "\"orders:view\""));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("auth:login");
    }

    private long keysOf(String tenant) {
        return jdbc.sql("SELECT count(*) FROM api_keys WHERE tenant_id = :t").param("t", tenant).query(Long.class).single();
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.get("id").asString())) return item;
        }
        throw new AssertionError("no item " + id + " in " + items);
    }
}
