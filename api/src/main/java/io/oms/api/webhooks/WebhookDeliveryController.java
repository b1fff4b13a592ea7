package io.oms.api.webhooks;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.webhook.WebhookDeliveryReads;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.infra.webhook.WebhookEndpointRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries of the tenant's webhook endpoints ({@code webhooks:manage}): an endpoint's deliveries, one delivery with
 * every attempt and its event, a redelivery of a settled one, and the dead letters. Another tenant's ids answer 404.
 */
@ApiRole
@RestController
public class WebhookDeliveryController {
    static final List<String> STATES = List.of("PENDING", "DELIVERING", "DELIVERED", "DEAD");

    private final WebhookDeliveryReads reads;
    private final WebhookEndpointRepository endpoints;
    private final WebhookRedelivery redelivery;
    private final CommandAudit audit;
    private final JsonMapper json;

    public WebhookDeliveryController(WebhookDeliveryReads reads, WebhookEndpointRepository endpoints,
                                     WebhookRedelivery redelivery, CommandAudit audit, JsonMapper json) {
        this.reads = reads;
        this.endpoints = endpoints;
        this.redelivery = redelivery;
        this.audit = audit;
        this.json = json;
    }

    /** Newest first by default (ids are UUIDv7: id order is creation order); {@code state} ignores case. */
    @GetMapping("/api/v1/webhooks/{id}/deliveries")
    @Listing(resource = "webhook-deliveries", filters = {"state", "eventType"}, sorts = "created_at",
            defaultSort = "-created_at")
    Page<WebhookDeliveryResources.WebhookDelivery> deliveries(
            @RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller, @PathVariable String id,
            ListQuery query) {
        WebhookEndpoint endpoint = WebhookEndpointController.find(endpoints, caller, id);
        WebhookDeliveryReads.DeliveryFilter filter = new WebhookDeliveryReads.DeliveryFilter(
                query.filter("state", WebhookDeliveryController::state, "must be one of " + STATES),
                query.filter("eventType"));
        Optional<UUID> after = query.after(key -> UUID.fromString(key.get(0)));
        return query.page(reads.deliveries(caller.tenantId(), endpoint.id(), filter, query.ascending(), after,
                query.fetchSize()), WebhookDeliveryResources.WebhookDelivery::of, d -> List.of(d.id().toString()));
    }

    /** The delivery, every attempt (first first) and the event payload it delivers. */
    @GetMapping("/api/v1/webhook-deliveries/{id}")
    WebhookDeliveryResources.WebhookDeliveryDetail delivery(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                     @PathVariable String id) {
        WebhookDeliveryReads.Delivery delivery = find(caller, id);
        return new WebhookDeliveryResources.WebhookDeliveryDetail(WebhookDeliveryResources.WebhookDelivery.of(delivery),
                reads.attempts(caller.tenantId(), delivery.id()).stream().map(WebhookDeliveryResources.WebhookAttempt::of).toList(),
                reads.payload(caller.tenantId(), delivery.id()).map(json::readTree).orElse(null));
    }

    /**
     * 202: a DELIVERED or DEAD delivery goes out again (state PENDING, its dead letter stamped redelivered, its
     * workflow started); any other state is 409 STATE_CONFLICT and nothing changes. Audited.
     */
    @PostMapping("/api/v1/webhook-deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    WebhookDeliveryResources.WebhookDelivery redeliver(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                @PathVariable String id, HttpServletRequest http) {
        WebhookDeliveryReads.Delivery delivery = find(caller, id);
        redelivery.redeliver(caller.tenantId(), delivery.id());
        WebhookDeliveryResources.WebhookDelivery resource = WebhookDeliveryResources.WebhookDelivery.of(find(caller, id));
        audit.record(caller, http, "webhook.delivery.redeliver", "webhook_delivery", delivery.id().toString(), resource);
        return resource;
    }

    /** Current dead letters (not redelivered), newest first by default; {@code includeRedelivered=true} shows all. */
    @GetMapping("/api/v1/webhook-dead-letters")
    @Listing(resource = "webhook-dead-letters", filters = {"endpointId", "includeRedelivered"}, sorts = "dead_at",
            defaultSort = "-dead_at")
    Page<WebhookDeliveryResources.WebhookDeadLetter> deadLetters(
            @RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller, ListQuery query) {
        Optional<UUID> endpoint = query.filter("endpointId", UUID::fromString, "must be an endpoint id (a UUID)");
        boolean all = query.filter("includeRedelivered", WebhookDeliveryController::bool, "must be true or false")
                .orElse(false);
        Optional<WebhookDeliveryReads.DeadKey> after = query.after(key ->
                new WebhookDeliveryReads.DeadKey(Instant.parse(key.get(0)), UUID.fromString(key.get(1))));
        return query.page(reads.deadLetters(caller.tenantId(), endpoint, all, query.ascending(), after, query.fetchSize()),
                WebhookDeliveryResources.WebhookDeadLetter::of, l -> List.of(l.deadAt().toString(), l.deliveryId().toString()));
    }

    private WebhookDeliveryReads.Delivery find(ApiPrincipal caller, String id) {
        UUID deliveryId = Ids.uuidOrNotFound(id, "webhook delivery");
        return reads.delivery(caller.tenantId(), deliveryId).orElseThrow(() -> ApiException.notFound("webhook delivery"));
    }

    private static String state(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!STATES.contains(upper)) throw new IllegalArgumentException(value);
        return upper;
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(value);
        };
    }
}
