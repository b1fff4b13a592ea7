package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.server.e2e.ScriptedReceiver.Answer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the delivery engine refuses to do: follow a redirect, call a private address the tenant did not allow, send
 * to a paused or deleted endpoint. Each ends DEAD at once with its one attempt recorded.
 */
class WebhookTargetSafetyEndToEndTest extends EndToEndTest {
    private static final Duration SETTLES_WITHIN = Duration.ofSeconds(30);
    private ScriptedReceiver receiver;

    @AfterEach
    void closeReceiver() {
        if (receiver != null) receiver.close();
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        receiver = new ScriptedReceiver(Answer.of(302, "Location", "/elsewhere"));
        DeliveryFixture fixture = new DeliveryFixture(context(), true);
        UUID delivery = fixture.deliver(fixture.endpoint(receiver.url("/hook")));
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD").containsEntry("last_status_code", 302);
        assertThat(receiver.requests).extracting(ScriptedReceiver.Request::path).containsExactly("/hook");
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d ->
                assertThat((String) d.get("reason")).startsWith("HTTP_302"));
    }

    @Test
    void aLoopbackTargetIsRefusedUnlessTheTenantAllowsPrivateTargets() throws Exception {
        receiver = new ScriptedReceiver(Answer.of(200));
        DeliveryFixture fixture = new DeliveryFixture(context(), false);
        UUID delivery = fixture.deliver(fixture.endpoint(receiver.url("/hook")));
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD").containsEntry("attempts", 1);
        assertThat(receiver.requests).isEmpty();
        assertThat(fixture.attempts(delivery)).singleElement().satisfies(a -> {
            assertThat(a).containsEntry("outcome", "FAILED").containsEntry("status_code", null);
            assertThat((String) a.get("error")).startsWith("TARGET_REFUSED");
        });
    }

    @Test
    void aPausedEndpointGetsNothingAndItsDeliveryWaitsInTheDeadLetters() throws Exception {
        receiver = new ScriptedReceiver(Answer.of(200));
        DeliveryFixture fixture = new DeliveryFixture(context(), true);
        var endpoint = fixture.endpoint(receiver.url("/hook"));
        fixture.pause(endpoint);
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD");
        assertThat(receiver.requests).isEmpty();
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d -> assertThat(d).containsEntry("reason", "ENDPOINT_INACTIVE"));
    }

    @Test
    void aDeletedEndpointStopsItsDelivery() throws Exception {
        receiver = new ScriptedReceiver(Answer.of(200));
        DeliveryFixture fixture = new DeliveryFixture(context(), true);
        var endpoint = fixture.endpoint(receiver.url("/hook"));
        fixture.delete(endpoint);
        UUID delivery = fixture.deliver(endpoint);
        assertThat(fixture.awaitSettled(delivery, SETTLES_WITHIN)).containsEntry("state", "DEAD");
        assertThat(receiver.requests).isEmpty();
        assertThat(fixture.deadLetters(delivery)).singleElement().satisfies(d -> assertThat(d).containsEntry("reason", "ENDPOINT_DELETED"));
    }
}
