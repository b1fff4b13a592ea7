package io.oms.api.reconciliation;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.reconcile.DiscrepancyAcknowledgements;
import io.oms.infra.reconcile.ReconciliationDiscrepancyRow;
import io.oms.infra.reconcile.ReconciliationReads;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Position discrepancies the reconciliation could not repair (it never overwrites a position): listed, and
 * acknowledged by an operator with a note. Acknowledging changes no quantity; a later run still resolves it once
 * the positions agree.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/reconciliation/discrepancies")
public class DiscrepancyController {
    static final List<String> STATUSES = List.of("OPEN", "ACKNOWLEDGED", "RESOLVED");
    static final int MAX_NOTE = 1000;

    private final ReconciliationReads reads;
    private final DiscrepancyAcknowledgements acknowledgements;
    private final CommandAudit audit;

    public DiscrepancyController(ReconciliationReads reads, DiscrepancyAcknowledgements acknowledgements,
                                 CommandAudit audit) {
        this.reads = reads;
        this.acknowledgements = acknowledgements;
        this.audit = audit;
    }

    /** Newest opened first by default; {@code status} ignores case, {@code symbol} is upper-cased. */
    @GetMapping
    @Listing(resource = "reconciliation-discrepancies", filters = {"status", "account", "symbol"},
            sorts = "opened_at", defaultSort = "-opened_at")
    Page<DiscrepancyResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                   ListQuery query) {
        ReconciliationReads.DiscrepancyFilter filter = new ReconciliationReads.DiscrepancyFilter(
                query.filter("status", s -> Filters.oneOf(s, STATUSES), "must be one of " + STATUSES),
                query.filter("account"), query.filter("symbol").map(s -> s.toUpperCase(Locale.ROOT)));
        Optional<ReconciliationReads.TimeKey> after = query.after(Filters::timeKey);
        List<ReconciliationDiscrepancyRow> rows = reads.discrepancies(principal.tenantId(), filter, query.ascending(),
                after, query.fetchSize());
        return query.page(rows, DiscrepancyResource::of, d -> List.of(d.openedAt().toString(), d.id().toString()));
    }

    /**
     * OPEN to ACKNOWLEDGED with the caller and the note. 404 for another tenant's (checked before the body), 400
     * without a note, 409 STATE_CONFLICT when it is not OPEN. Audited.
     */
    @PostMapping("/{id}/acknowledge")
    DiscrepancyResource acknowledge(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                    @PathVariable String id,
                                    @RequestBody(required = false) ReconciliationBodies.AcknowledgeDiscrepancy body,
                                    HttpServletRequest http) {
        UUID discrepancyId = Filters.uuid(id).filter(uuid -> reads.discrepancy(principal.tenantId(), uuid).isPresent())
                .orElseThrow(() -> ApiException.notFound("discrepancy " + id));
        String note = note(body);
        ReconciliationDiscrepancyRow acknowledged = acknowledgements
                .acknowledge(principal.tenantId(), discrepancyId, principal.actor(), note)
                .orElseThrow(() -> notOpen(principal, discrepancyId));
        DiscrepancyResource resource = DiscrepancyResource.of(acknowledged);
        audit.record(principal, http, "reconciliation.discrepancy.acknowledge", "reconciliation_discrepancy",
                resource.id(), resource);
        return resource;
    }

    private ApiException notOpen(ApiPrincipal principal, UUID id) {
        String status = reads.discrepancy(principal.tenantId(), id).map(ReconciliationDiscrepancyRow::status)
                .orElse("gone");
        return new ApiException(ErrorCode.STATE_CONFLICT, "discrepancy " + id + " is " + status
                + "; only an OPEN one can be acknowledged", List.of(), "read it again: GET /api/v1/reconciliation/discrepancies");
    }

    private static String note(ReconciliationBodies.AcknowledgeDiscrepancy body) {
        String note = body == null ? null : body.note();
        if (note == null || note.isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("note", "is required: say why the drift may stand")));
        }
        if (note.length() > MAX_NOTE) {
            throw ApiException.validation(List.of(new FieldProblem("note", "must be at most " + MAX_NOTE + " characters")));
        }
        return note.strip();
    }
}
