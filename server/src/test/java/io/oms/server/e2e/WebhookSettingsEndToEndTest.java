package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeys;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The tenant's webhook policy: read and replaced by a tenants:admin caller only, audited, off by default. */
class WebhookSettingsEndToEndTest extends EndToEndTest {
    private static final String SETTINGS = "/api/v1/tenant/webhook-settings";

    @Autowired
    private ApiKeys apiKeys;

    private OwnTenant own;

    @BeforeEach
    void ownTenant() {
        own = ownTenant("whs", "Webhook settings tenant");
    }

    @Test
    void privateTargetsAreOffUntilAnAdminAllowsThem() {
        assertThat(own.api().get(SETTINGS).body().path("allowPrivateTargets").asBoolean(true)).isFalse();
        ApiClient.Response on = own.api().put(SETTINGS, "{\"allowPrivateTargets\":true}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.body().path("allowPrivateTargets").asBoolean()).isTrue();
        assertThat(own.api().get(SETTINGS).body().path("allowPrivateTargets").asBoolean()).isTrue();
        assertThat(own.api().put(SETTINGS, "{\"allowPrivateTargets\":false}").body().path("allowPrivateTargets")
                .asBoolean(true)).isFalse();
        assertThat(own.api().get("/api/v1/audit?action=tenant.webhook_settings.replace").body().get("items")).hasSize(2);
    }

    @Test
    void aMissingValueIsRefused() {
        ApiClient.Response refused = own.api().put(SETTINGS, "{}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("details").get(0).path("field").asString()).isEqualTo("allowPrivateTargets");
    }

    @Test
    void aKeyThatOnlyManagesWebhooksCannotChangeThePolicy() {
        ApiClient manager = own.api().withKey(apiKeys.create(own.id(), "webhooks only", List.of(Scopes.WEBHOOKS_MANAGE)));
        ApiClient.Response refused = manager.put(SETTINGS, "{\"allowPrivateTargets\":true}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("FORBIDDEN");
        assertThat(manager.get(SETTINGS).status()).isEqualTo(403);
        assertThat(own.api().get(SETTINGS).body().path("allowPrivateTargets").asBoolean(true)).isFalse();
        assertThat(manager.get("/api/v1/webhooks").status()).as("its own scope works").isEqualTo(200);
    }
}
