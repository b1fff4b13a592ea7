package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.webhook.StandardWebhooks;
import io.oms.server.e2e.ScriptedReceiver.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery engine against a loopback receiver, through the real worker (retry schedule 300ms x3 in this
 * context): signing, retries until delivered, dead-lettering, Retry-After, timeouts.
 */
class WebhookDeliveryEngineEndToEndTest extends EndToEndTest {
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);
    private DeliveryFixture fixture;
    private ScriptedReceiver receiver;

    @BeforeEach
    void tenant() {
        fixture = new DeliveryFixture(context(), true);
    }

    @AfterEach
    void closeReceiver() {
        if (receiver != null) receiver.close();
    }

    private DeliveryFixture.Endpoint endpointAnswering(Answer... answers) throws Exception {
        receiver = new ScriptedReceiver(answers);
        return fixture.endpoint(receiver.url("/hook"));
    }

    @Test
    void theReceiverGetsTheEventSignedWithTheEndpointsSecret() throws Exception {
        var endpoint = endpointAnswering(Answer.of(200));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DELIVERED");

        var request = receiver.requests.getFirst();
        assertThat(receiver.requests).hasSize(1);
        assertThat(request.webhookId()).isEqualTo(fixture.eventIdOf(delivery));
        assertThat(request.bodyText()).isEqualTo(fixture.payloadOf(delivery));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.userAgent()).isEqualTo("oms-webhooks/1");
        assertThat(Long.parseLong(request.timestamp())).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
        assertThat(StandardWebhooks.verify(List.of(endpoint.secret()), request.webhookId(), request.timestamp(),
                request.signature(), request.body(), Instant.now(), StandardWebhooks.DEFAULT_TOLERANCE))
                .isEqualTo(StandardWebhooks.Verdict.VALID);
        assertThat(StandardWebhooks.verify(List.of(StandardWebhooks.newSecret()), request.webhookId(), request.timestamp(),
                request.signature(), request.body(), Instant.now(), StandardWebhooks.DEFAULT_TOLERANCE))
                .isEqualTo(StandardWebhooks.Verdict.SIGNATURE_MISMATCH);

        var attempts = fixture.attempts(delivery);
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getFirst()).containsEntry("status_code", 200).containsEntry("outcome", "DELIVERED")
                .containsEntry("response_excerpt", "answer 200");
        assertThat(attempts.getFirst().get("latency_ms")).isNotNull();
        assertThat(fixture.delivery(delivery).get("delivered_at")).isNotNull();
    }

    @Test
    void aReceiverFailingTwiceGetsTheEventAgainAfterEachFailureAndTheDeliveryEndsDelivered() throws Exception {
        var endpoint = endpointAnswering(Answer.of(500), Answer.of(500), Answer.of(200));
        UUID delivery = fixture.deliver(endpoint);
        Map<String, Object> row = fixture.awaitSettled(delivery, SETTLES_WITHIN);
        assertThat(row).containsEntry("state", "DELIVERED").containsEntry("attempts", 3).containsEntry("last_status_code", 200);

        assertThat(receiver.requests).hasSize(3);
        assertThat(receiver.requests).extracting(ScriptedReceiver.Request::webhookId).containsOnly(fixture.eventIdOf(delivery));
        assertThat(receiver.requests).extracting(ScriptedReceiver.Request::bodyText).containsOnly(fixture.payloadOf(delivery));
        assertThat(fixture.attempts(delivery)).extracting(a -> a.get("attempt") + ":" + a.get("status_code") + ":" + a.get("outcome"))
                .containsExactly("1:500:RETRY", "2:500:RETRY", "3:200:DELIVERED");
        assertThat(fixture.deadLetters(delivery)).isEmpty();
    }

    @Test
    void aPermanentRefusalIsDeadLetteredAtOnceAfterOneAttempt() throws Exception {
        var endpoint = endpointAnswering(Answer.of(410));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD").containsEntry("attempts", 1);
        assertThat(receiver.requests).hasSize(1);
        assertThat(fixture.attempts(delivery)).singleElement().satisfies(a ->
                assertThat(a).containsEntry("status_code", 410).containsEntry("outcome", "FAILED"));
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "HTTP_410").containsEntry("attempts", 1).containsEntry("last_status_code", 410)
                .containsEntry("redelivered_at", null));
        assertThat(fixture.audit(delivery)).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("actor", "system:webhooks").containsEntry("action", "webhook.dead_lettered"));
    }

    @Test
    void aDeadDeliveryRedeliveredGoesOutAgainWithTheSameWebhookIdAndItsAttemptsNumberedOn() throws Exception {
        var endpoint = endpointAnswering(Answer.of(410), Answer.of(200));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD");

        fixture.redeliver(delivery);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DELIVERED").containsEntry("attempts", 2);
        assertThat(receiver.requests).hasSize(2);
        assertThat(receiver.requests).extracting(ScriptedReceiver.Request::webhookId).containsOnly(fixture.eventIdOf(delivery));
        assertThat(fixture.attempts(delivery)).extracting(a -> a.get("attempt") + ":" + a.get("outcome"))
                .containsExactly("1:FAILED", "2:DELIVERED");
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d -> assertThat(d.get("redelivered_at")).isNotNull());
    }

    @Test
    void aDeliveryWaitsForItsPredecessorAndGoesAsSoonAsItIsDelivered() throws Exception {
        var endpoint = endpointAnswering(Answer.of(500), Answer.of(200));
        UUID first = fixture.insert(endpoint, null);
        UUID second = fixture.deliver(endpoint, first);
        Thread.sleep(1_000); // the successor is waiting now; its predecessor's workflow starts only now
        assertThat(receiver.requests).isEmpty();
        fixture.start(first, null);
        assertThat(fixture.awaitSettled(second, SETTLES_WITHIN)).containsEntry("state", "DELIVERED");
        assertThat(fixture.delivery(first)).containsEntry("state", "DELIVERED");

        var ids = receiver.requests.stream().map(ScriptedReceiver.Request::webhookId).toList();
        assertThat(ids).containsExactly(fixture.eventIdOf(first), fixture.eventIdOf(first), fixture.eventIdOf(second));
        // Woken by the settle's signal, not by the 30 s re-check.
        assertThat(receiver.requests.get(2).atMillis() - receiver.requests.get(1).atMillis()).isLessThan(10_000L);
    }

    @Test
    void aReceiverThatAlwaysFailsIsDeadLetteredAfterTheWholeSchedule() throws Exception {
        var endpoint = endpointAnswering(Answer.of(503));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD").containsEntry("attempts", 4);
        assertThat(receiver.requests).hasSize(4);
        assertThat(fixture.attempts(delivery)).extracting(a -> a.get("outcome")).containsExactly("RETRY", "RETRY", "RETRY", "RETRY");
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("reason", "ATTEMPTS_EXHAUSTED (last: HTTP_503)").containsEntry("attempts", 4)
                .containsEntry("last_status_code", 503));
    }

    @Test
    void aRetryAfterLongerThanTheScheduleIsWaitedFor() throws Exception {
        var endpoint = endpointAnswering(Answer.of(429, "Retry-After", "2"), Answer.of(200));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DELIVERED");
        assertThat(receiver.requests).hasSize(2);
        // The schedule alone would wait 300 ms +/- 20 %.
        assertThat(receiver.requests.get(1).atMillis() - receiver.requests.get(0).atMillis()).isGreaterThanOrEqualTo(1_900L);
    }

    @Test
    void aReceiverSlowerThanTheReadTimeoutCountsAsAFailedAttemptAndIsTriedAgain() throws Exception {
        var endpoint = endpointAnswering(new Answer(200, Map.of(), Duration.ofSeconds(4)), Answer.of(200));
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DELIVERED");
        assertThat(fixture.attempts(delivery)).extracting(a -> a.get("outcome") + ":" + a.get("error"))
                .containsExactly("RETRY:READ_TIMEOUT", "DELIVERED:null");
    }

    @Test
    void duringARotationOverlapBothSecretsSign() throws Exception {
        var endpoint = endpointAnswering(Answer.of(200));
        String newSecret = fixture.rotate(endpoint);
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DELIVERED");
        var request = receiver.requests.getFirst();
        assertThat(request.signature().split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        for (String secret : List.of(endpoint.secret(), newSecret)) {
            assertThat(StandardWebhooks.verify(List.of(secret), request.webhookId(), request.timestamp(), request.signature(),
                    request.bodyText().getBytes(StandardCharsets.UTF_8), Instant.now(), StandardWebhooks.DEFAULT_TOLERANCE))
                    .isEqualTo(StandardWebhooks.Verdict.VALID);
        }
    }
}
