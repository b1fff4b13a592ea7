package io.oms.api.audit;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.audit.AuditChainVerifier;
import io.oms.infra.audit.ChainVerification;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.PagedLists;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.infra.security.ApiPrincipal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The caller's tenant's audit trail: listing it, and recomputing its hash chain. */
@ApiRole
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
    private final PagedLists pages;
    private final AuditChainVerifier verifier;
    private final JsonMapper json;

    public AuditController(PagedLists pages, AuditChainVerifier verifier, JsonMapper json) {
        this.pages = pages;
        this.verifier = verifier;
        this.json = json;
    }

    /** Newest written first by default (id order: UUIDv7); {@code resourceId} narrows a {@code resourceType}. */
    @GetMapping
    @Listing(resource = "audit", filters = {"resourceType", "resourceId", "action"}, sorts = "id", defaultSort = "-id")
    Page<AuditEntryResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, ListQuery query) {
        if (query.filter("resourceId").isPresent() && query.filter("resourceType").isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem("resourceType", "is required with resourceId")));
        }
        PagedLists.AuditFilter filter = new PagedLists.AuditFilter(query.filter("resourceType"),
                query.filter("resourceId"), query.filter("action"));
        Optional<UUID> after = query.after(k -> UUID.fromString(k.get(0)));
        List<AuditEntry> entries = pages.audit(principal.tenantId(), filter, query.ascending(), after, query.fetchSize());
        return query.page(entries, e -> AuditEntryResource.of(e, json), e -> List.of(e.id().toString()));
    }

    /** Recomputes the whole chain of the caller's tenant; {@code ok} false names the first broken link. */
    @GetMapping("/verify")
    ChainVerification verify(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        return verifier.verify(principal.tenantId());
    }
}
