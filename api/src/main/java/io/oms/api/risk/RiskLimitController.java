package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskLimitRepository;
import io.oms.infra.security.ApiPrincipal;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's pre-trade risk limits ({@code risk:manage}): list, create, replace, delete, each change audited.
 * Another tenant's limit id answers 404 like an unknown one, before the body is even looked at.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/risk/limits")
public class RiskLimitController {
    private final RiskLimitRepository limits;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public RiskLimitController(RiskLimitRepository limits, CommandAudit audit) {
        this.limits = limits;
        this.audit = audit;
    }

    /** Every limit of the tenant (at most {@value RiskLimitRepository#MAX_PER_TENANT}), by type, scope and value. */
    @GetMapping
    Page<RiskLimitResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return new Page<>(limits.list(caller.tenantId()).stream().map(RiskLimitResource::of).toList(), null);
    }

    @GetMapping("/{id}")
    RiskLimitResource get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller, @PathVariable String id) {
        return RiskLimitResource.of(find(caller, id));
    }

    /** 201 with the limit; 400 with every field problem; 409 when the tenant has the maximum number of limits. */
    @PostMapping
    ResponseEntity<RiskLimitResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                             @RequestBody(required = false) RiskLimitBody body, HttpServletRequest http) {
        RiskLimitValidation.Terms terms = RiskLimitValidation.validate(body);
        if (limits.count(caller.tenantId()) >= RiskLimitRepository.MAX_PER_TENANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + RiskLimitRepository.MAX_PER_TENANT
                    + " risk limits already", List.of(), "delete or change an existing limit");
        }
        Instant now = now();
        RiskLimit limit = new RiskLimit(UuidV7.next(), caller.tenantId(), terms.scope(), terms.scopeValue(), terms.type(),
                terms.value(), terms.periodSeconds(), caller.actor(), now, now);
        limits.insert(limit);
        RiskLimitResource resource = RiskLimitResource.of(limit);
        audit.record(caller, http, "risk_limit.create", "risk_limit", limit.id().toString(), resource);
        return ResponseEntity.status(HttpStatus.CREATED).body(resource);
    }

    /** Replaces the limit's terms (all of them, as in a create); 404 for an id the tenant does not have. */
    @PutMapping("/{id}")
    RiskLimitResource replace(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String id, @RequestBody(required = false) RiskLimitBody body,
                              HttpServletRequest http) {
        RiskLimit before = find(caller, id);
        RiskLimitValidation.Terms terms = RiskLimitValidation.validate(body);
        RiskLimit after = new RiskLimit(before.id(), before.tenantId(), terms.scope(), terms.scopeValue(), terms.type(),
                terms.value(), terms.periodSeconds(), before.createdBy(), before.createdAt(), now());
        if (!limits.update(after)) throw ApiException.notFound("risk limit");
        RiskLimitResource resource = RiskLimitResource.of(after);
        audit.record(caller, http, "risk_limit.update", "risk_limit", before.id().toString(), resource);
        return resource;
    }

    /** 204; 404 for an id the tenant does not have (also once deleted). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        RiskLimit limit = find(caller, id);
        if (!limits.delete(caller.tenantId(), limit.id())) throw ApiException.notFound("risk limit");
        audit.record(caller, http, "risk_limit.delete", "risk_limit", limit.id().toString(), RiskLimitResource.of(limit));
        return ResponseEntity.noContent().build();
    }

    private RiskLimit find(ApiPrincipal caller, String id) {
        UUID limitId = Ids.uuidOrNotFound(id, "risk limit");
        return limits.find(caller.tenantId(), limitId).orElseThrow(() -> ApiException.notFound("risk limit"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
