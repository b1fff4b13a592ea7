package io.oms.api.webhooks;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.idempotency.IdempotentRequests;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.infra.webhook.WebhookSettingsRepository;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's outbound webhook endpoints ({@code webhooks:manage}): list, read (ETag = version), create (the signing
 * secret is shown in that answer only, and stored sealed), replace (If-Match optional), delete (soft: the engine
 * dead-letters the endpoint's pending deliveries). Another tenant's endpoint answers 404 like an unknown one, before
 * the body is looked at. Every change is audited, never with a secret.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/webhooks")
public class WebhookEndpointController {
    private final WebhookEndpointRepository endpoints;
    private final WebhookSettingsRepository settings;
    private final WebhookSecrets secrets;
    private final IdempotentRequests idempotent;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public WebhookEndpointController(WebhookEndpointRepository endpoints, WebhookSettingsRepository settings,
                                     WebhookSecrets secrets, IdempotentRequests idempotent, CommandAudit audit) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.secrets = secrets;
        this.idempotent = idempotent;
        this.audit = audit;
    }

    /** Every endpoint of the tenant (at most {@value WebhookEndpointRepository#MAX_PER_TENANT}), oldest first. */
    @GetMapping
    Page<WebhookEndpointResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        Instant now = now();
        return new Page<>(endpoints.list(caller.tenantId()).stream().map(e -> WebhookEndpointResource.of(e, now)).toList(),
                null);
    }

    @GetMapping("/{id}")
    ResponseEntity<WebhookEndpointResource> get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                @PathVariable String id) {
        WebhookEndpoint endpoint = find(endpoints, caller, id);
        return ResponseEntity.ok().eTag(EndpointVersions.etag(endpoint.version()))
                .body(WebhookEndpointResource.of(endpoint, now()));
    }

    /**
     * 201 with the endpoint and its {@code secret}, the only time it is shown (an idempotent replay answers without
     * it); 400 with every field problem; 409 when the tenant has the maximum number of endpoints.
     */
    @PostMapping
    ResponseEntity<?> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @RequestBody(required = false) WebhookBodies.WebhookEndpointBody body, HttpServletRequest http) {
        return idempotent.execute(caller, idempotencyKey, "POST /api/v1/webhooks", body,
                () -> created(caller, body, http),
                answer -> answer instanceof WebhookEndpointResource r ? r.withoutSecret() : answer);
    }

    private ResponseEntity<?> created(ApiPrincipal caller, WebhookBodies.WebhookEndpointBody body, HttpServletRequest http) {
        WebhookEndpointValidation.Terms terms = WebhookEndpointValidation.validate(body,
                settings.allowPrivateTargets(caller.tenantId()));
        Instant now = now();
        UUID id = UuidV7.next();
        String secret = StandardWebhooks.newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(id, caller.tenantId(), terms.url(), terms.description(),
                terms.eventTypes(), terms.active(), secrets.sealForEndpoint(id, secret), null, null, 1, now, now);
        if (!endpoints.insertWithinQuota(endpoint)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + WebhookEndpointRepository.MAX_PER_TENANT
                    + " webhook endpoints already", List.of(), "delete an endpoint, or subscribe an existing one to more events");
        }
        WebhookEndpointResource shown = WebhookEndpointResource.withSecret(endpoint, now, secret);
        audit.record(caller, http, "webhook.endpoint.create", "webhook_endpoint", id.toString(), shown.withoutSecret());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(EndpointVersions.etag(endpoint.version())).body(shown);
    }

    /**
     * Replaces url, event types, description and active flag (all of them, as in a create). With If-Match, only
     * while the endpoint is still at that version: otherwise 409 STATE_CONFLICT and nothing changes.
     */
    @PutMapping("/{id}")
    ResponseEntity<WebhookEndpointResource> replace(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                    @PathVariable String id,
                                                    @RequestHeader(value = EndpointVersions.IF_MATCH, required = false) String ifMatch,
                                                    @RequestBody(required = false) WebhookBodies.WebhookEndpointBody body,
                                                    HttpServletRequest http) {
        WebhookEndpoint before = find(endpoints, caller, id);
        Integer expected = EndpointVersions.expected(ifMatch);
        WebhookEndpointValidation.Terms terms = WebhookEndpointValidation.validate(body,
                settings.allowPrivateTargets(caller.tenantId()));
        WebhookEndpoint after = endpoints.update(caller.tenantId(), before.id(), terms.url(), terms.description(),
                        terms.eventTypes(), terms.active(), expected, now())
                .orElseThrow(() -> stale(caller, before.id(), expected));
        WebhookEndpointResource resource = WebhookEndpointResource.of(after, now());
        audit.record(caller, http, "webhook.endpoint.update", "webhook_endpoint", after.id().toString(), resource);
        return ResponseEntity.ok().eTag(EndpointVersions.etag(after.version())).body(resource);
    }

    /** 204; its deliveries still pending stop (the engine dead-letters them). 404 once deleted. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        WebhookEndpoint endpoint = find(endpoints, caller, id);
        if (!endpoints.delete(caller.tenantId(), endpoint.id(), now())) throw ApiException.notFound("webhook endpoint");
        audit.record(caller, http, "webhook.endpoint.delete", "webhook_endpoint", endpoint.id().toString(),
                WebhookEndpointResource.of(endpoint, now()));
        return ResponseEntity.noContent().build();
    }

    private ApiException stale(ApiPrincipal caller, UUID id, Integer expected) {
        return endpoints.find(caller.tenantId(), id)
                .map(current -> new ApiException(ErrorCode.STATE_CONFLICT, "If-Match names version " + expected
                        + " but the endpoint is at version " + current.version(), List.of(),
                        "read the endpoint again and retry with its current ETag"))
                .orElseGet(() -> ApiException.notFound("webhook endpoint"));
    }

    /** The caller's endpoint, or 404 (also for an id that is no UUID, another tenant's and a deleted one). */
    static WebhookEndpoint find(WebhookEndpointRepository endpoints, ApiPrincipal caller, String id) {
        UUID endpointId = io.oms.api.tenancy.Ids.uuidOrNotFound(id, "webhook endpoint");
        return endpoints.find(caller.tenantId(), endpointId).orElseThrow(() -> ApiException.notFound("webhook endpoint"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
