package io.oms.api.risk;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.risk.OverrideStatus;
import io.oms.infra.risk.RiskOverride;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk overrides: create and revoke ({@code risk:override}), list and read ({@code risk:manage}, like the rest of
 * the risk state). Another tenant's override, order or limit answers 404 like an unknown one.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/risk/overrides")
public class RiskOverrideController {
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 500;

    private final RiskOverrideService service;
    private final RiskOverrideRepository overrides;

    public RiskOverrideController(RiskOverrideService service, RiskOverrideRepository overrides) {
        this.service = service;
        this.overrides = overrides;
    }

    /** Newest first; {@code status} active (default), used, expired, revoked or all; {@code next} continues. */
    @GetMapping
    Page<RiskOverrideResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor) {
        OverrideStatus wanted = status(status);
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ApiException.validation(List.of(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE)));
        }
        UUID before = null;
        if (cursor != null) {
            try {
                before = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw ApiException.validation(List.of(new FieldProblem("cursor", "is not a cursor of this list")));
            }
        }
        Instant now = service.now();
        List<RiskOverride> page = overrides.list(caller.tenantId(), wanted, now, before, size);
        String next = page.size() == size ? page.get(size - 1).id().toString() : null;
        return new Page<>(page.stream().map(o -> RiskOverrideResource.of(o, now)).toList(), next);
    }

    @GetMapping("/{id}")
    RiskOverrideResource get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                             @PathVariable String id) {
        return RiskOverrideResource.of(service.find(caller.tenantId(), Ids.uuidOrNotFound(id, "risk override")),
                service.now());
    }

    /** 201 with the override; 400 field problems; 404 another tenant's order or limit; 422 compliance reasons. */
    @PostMapping
    ResponseEntity<RiskOverrideResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                @RequestBody(required = false) RiskOverrideBody body,
                                                HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.CREATED).body(service.create(caller, body, http));
    }

    /** Revokes: 200 with the override as revoked (also when it already was); 409 once used or expired. */
    @DeleteMapping("/{id}")
    RiskOverrideResource revoke(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        return service.revoke(caller, Ids.uuidOrNotFound(id, "risk override"), http);
    }

    /** Null for all. */
    private static OverrideStatus status(String status) {
        if (status == null || status.isBlank()) return OverrideStatus.ACTIVE;
        if (status.equalsIgnoreCase("all")) return null;
        try {
            return OverrideStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem("status",
                    "is not one of active, used, expired, revoked, all")));
        }
    }
}
