package io.oms.api.webhooks;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation of an endpoint's signing secret: a new secret signs from now on, and the old one keeps signing alongside
 * it for the overlap, so receivers can switch without losing a delivery. Only two secrets ever sign: rotating during
 * an overlap ends the older one at once.
 */
@ApiRole
@RestController
public class WebhookSecretController {
    static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);
    static final Duration MAX_OVERLAP = Duration.ofDays(7);

    private final WebhookEndpointRepository endpoints;
    private final WebhookSecrets secrets;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public WebhookSecretController(WebhookEndpointRepository endpoints, WebhookSecrets secrets, CommandAudit audit) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.audit = audit;
    }

    /** 200 with the endpoint, its new {@code secret} (shown this once) and {@code previousSecretExpiresAt}. Audited. */
    @PostMapping("/api/v1/webhooks/{id}/rotate-secret")
    WebhookEndpointResource rotate(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                   @PathVariable String id,
                                   @RequestBody(required = false) WebhookBodies.WebhookRotateSecretBody body,
                                   HttpServletRequest http) {
        WebhookEndpoint before = WebhookEndpointController.find(endpoints, caller, id);
        Duration overlap = overlap(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String secret = StandardWebhooks.newSecret();
        boolean overlapping = !overlap.isZero();
        WebhookEndpoint after = endpoints.rotate(caller.tenantId(), before.id(), secrets.sealForEndpoint(before.id(), secret),
                        overlapping ? before.secretSealed() : null, overlapping ? now.plus(overlap) : null, now)
                .orElseThrow(() -> ApiException.notFound("webhook endpoint"));
        WebhookEndpointResource shown = WebhookEndpointResource.withSecret(after, now, secret);
        audit.record(caller, http, "webhook.endpoint.rotate_secret", "webhook_endpoint", after.id().toString(),
                shown.withoutSecret());
        return shown;
    }

    private static Duration overlap(WebhookBodies.WebhookRotateSecretBody body) {
        if (body == null || body.overlap() == null) return DEFAULT_OVERLAP;
        try {
            Duration overlap = Duration.parse(body.overlap().strip());
            if (!overlap.isNegative() && overlap.compareTo(MAX_OVERLAP) <= 0) return overlap;
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.validation(List.of(new FieldProblem("overlap",
                "must be an ISO-8601 duration from PT0S to P7D (PT0S: the old secret stops at once)")));
    }
}
