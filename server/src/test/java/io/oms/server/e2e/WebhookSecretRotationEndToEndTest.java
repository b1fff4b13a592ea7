package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rotating an endpoint's secret: a new secret is answered once, and the previous one keeps signing for the overlap
 * (both sign meanwhile); an overlap of zero ends the previous one at once; a bad overlap changes nothing.
 */
class WebhookSecretRotationEndToEndTest extends EndToEndTest {
    private static final String BODY = "{\"url\":\"https://hooks.example.com/rotate\",\"eventTypes\":[\"*\"]}";

    @Autowired
    private WebhookEndpointRepository endpoints;

    @Autowired
    private WebhookSecrets secrets;

    private OwnTenant own;
    private String id;
    private String original;

    @BeforeEach
    void endpoint() {
        own = ownTenant("whr", "Webhook rotation tenant");
        ApiClient.Response created = own.api().post("/api/v1/webhooks", BODY);
        id = created.text("id");
        original = created.text("secret");
    }

    @Test
    void aRotationAnswersANewSecretAndBothSignDuringTheOverlap() {
        Instant before = Instant.now();
        ApiClient.Response rotated = own.api().post(rotate(), "{\"overlap\":\"PT2H\"}");
        assertThat(rotated.status()).as(rotated.body().toString()).isEqualTo(200);
        String fresh = rotated.text("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(original);
        Instant expires = Instant.parse(rotated.text("previousSecretExpiresAt"));
        assertThat(expires).isBetween(before.plus(Duration.ofHours(2)).minusSeconds(1), Instant.now().plus(Duration.ofHours(2)));

        WebhookEndpoint stored = endpoints.find(own.id(), UUID.fromString(id)).orElseThrow();
        assertThat(stored.previousSecretExpiresAt()).isEqualTo(expires);
        assertThat(WebhookEndpointRepository.signingSecrets(stored, secrets, Instant.now())).containsExactly(fresh, original);
        assertThat(WebhookEndpointRepository.signingSecrets(stored, secrets, expires.plusSeconds(1))).containsExactly(fresh);
        ApiClient.Response read = own.api().get("/api/v1/webhooks/" + id);
        assertThat(read.body().has("secret")).isFalse();
        assertThat(read.text("previousSecretExpiresAt")).isEqualTo(rotated.text("previousSecretExpiresAt"));
        assertThat(own.api().get("/api/v1/audit?action=webhook.endpoint.rotate_secret").body().toString())
                .doesNotContain(fresh.substring(6)).doesNotContain(original.substring(6));
    }

    @Test
    void theDefaultOverlapIsADay() {
        ApiClient.Response rotated = own.api().post(rotate(), "{}");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(Duration.between(Instant.now(), Instant.parse(rotated.text("previousSecretExpiresAt"))))
                .isBetween(Duration.ofHours(23), Duration.ofHours(24));
    }

    @Test
    void aZeroOverlapEndsThePreviousSecretAtOnce() {
        own.api().post(rotate(), "{\"overlap\":\"PT1H\"}");
        ApiClient.Response rotated = own.api().post(rotate(), "{\"overlap\":\"PT0S\"}");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("previousSecretExpiresAt")).isNull();
        WebhookEndpoint stored = endpoints.find(own.id(), UUID.fromString(id)).orElseThrow();
        assertThat(stored.previousSecretSealed()).isNull();
        assertThat(WebhookEndpointRepository.signingSecrets(stored, secrets, Instant.now()))
                .containsExactly(rotated.text("secret"));
    }

    @Test
    void aBadOverlapChangesNothing() {
        for (String overlap : List.of("\"P8D\"", "\"-PT1H\"", "\"soon\"", "3600")) {
            ApiClient.Response refused = own.api().post(rotate(), "{\"overlap\":" + overlap + "}");
            assertThat(refused.status()).as(overlap).isEqualTo(400);
            assertThat(refused.body().get("details").findValuesAsString("field")).as(overlap).contains("overlap");
        }
        WebhookEndpoint stored = endpoints.find(own.id(), UUID.fromString(id)).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(WebhookEndpointRepository.signingSecrets(stored, secrets, Instant.now())).containsExactly(original);
    }

    private String rotate() {
        return "/api/v1/webhooks/" + id + "/rotate-secret";
    }
}
