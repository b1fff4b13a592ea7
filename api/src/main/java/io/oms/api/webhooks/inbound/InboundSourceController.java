package io.oms.api.webhooks.inbound;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.webhook.InboundSource;
import io.oms.infra.webhook.InboundSourceRepository;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The tenant's inbound webhook sources: senders it trusts to post to {@code /api/v1/webhooks/inbound/{source}}, each
 * with its own Standard Webhooks secret (shown once, stored sealed), and the messages accepted from each. Audited.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/webhooks/inbound-sources")
public class InboundSourceController {
    static final int MAX_NAME = 100;

    private final InboundSourceRepository sources;
    private final WebhookSecrets secrets;
    private final TransactionTemplate tx;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public InboundSourceController(InboundSourceRepository sources, WebhookSecrets secrets, TransactionTemplate tx,
                                   CommandAudit audit) {
        this.sources = sources;
        this.secrets = secrets;
        this.tx = tx;
        this.audit = audit;
    }

    public record CreateInboundSource(String name) {}

    /** 201 with the secret, the only time it is shown. 409 STATE_CONFLICT for a name in use or too many sources. */
    @PostMapping
    ResponseEntity<InboundSourceResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                                 @RequestBody(required = false) CreateInboundSource body,
                                                 HttpServletRequest http) {
        String name = name(body);
        UUID id = UuidV7.next();
        String secret = StandardWebhooks.newSecret();
        InboundSource source = new InboundSource(id, principal.tenantId(), name, secrets.sealForSource(id, secret),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        tx.executeWithoutResult(status -> {
            if (sources.countLiveLocked(principal.tenantId()) >= InboundSourceRepository.MAX_PER_TENANT) {
                throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant already has "
                        + InboundSourceRepository.MAX_PER_TENANT + " inbound sources", List.of(), "delete one first");
            }
            if (!sources.insert(source)) {
                throw new ApiException(ErrorCode.STATE_CONFLICT, "an inbound source named '" + name + "' exists",
                        List.of(new FieldProblem("name", "is in use")), "choose another name or delete that source");
            }
        });
        InboundSourceResource shown = InboundSourceResource.of(source, baseUrl());
        audit.record(principal, http, "webhook.inbound_source.create", "webhook_inbound_source", shown.id(), shown);
        return ResponseEntity.status(HttpStatus.CREATED).body(InboundSourceResource.withSecret(source, baseUrl(), secret));
    }

    /** Every live source of the tenant (at most 50), oldest first; never their secrets. */
    @GetMapping
    @Listing(resource = "webhook-inbound-sources", paged = false)
    List<InboundSourceResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                     ListQuery query) {
        String base = baseUrl();
        return sources.list(principal.tenantId()).stream().map(s -> InboundSourceResource.of(s, base)).toList();
    }

    /** Deletes the source: its receive URL answers 404 from then on. 204; 404 for another tenant's. Audited. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                @PathVariable String id, HttpServletRequest http) {
        UUID sourceId = Ids.uuidOrNotFound(id, "inbound source " + id);
        if (!sources.delete(principal.tenantId(), sourceId, clock.instant())) {
            throw ApiException.notFound("inbound source " + id);
        }
        audit.record(principal, http, "webhook.inbound_source.delete", "webhook_inbound_source", sourceId.toString(), null);
        return ResponseEntity.noContent().build();
    }

    /** The messages accepted from the source, newest first. */
    @GetMapping("/{id}/messages")
    @Listing(resource = "webhook-inbound-messages", sorts = "received_at", defaultSort = "-received_at")
    Page<InboundMessageResource> messages(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                          @PathVariable String id, ListQuery query) {
        UUID sourceId = Ids.uuidOrNotFound(id, "inbound source " + id);
        sources.find(principal.tenantId(), sourceId).orElseThrow(() -> ApiException.notFound("inbound source " + id));
        var after = query.after(key -> new InboundSourceRepository.MessageKey(Instant.parse(key.get(0)), key.get(1)));
        return query.page(sources.messages(principal.tenantId(), sourceId, query.ascending(), after, query.fetchSize()),
                InboundMessageResource::of, m -> List.of(m.receivedAt().toString(), m.webhookId()));
    }

    private static String name(CreateInboundSource body) {
        String name = body == null || body.name() == null ? "" : body.name().strip();
        if (name.isEmpty()) throw ApiException.validation(List.of(new FieldProblem("name", "is required")));
        if (name.length() > MAX_NAME) {
            throw ApiException.validation(List.of(new FieldProblem("name", "must be at most " + MAX_NAME + " characters")));
        }
        return name;
    }

    private static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
