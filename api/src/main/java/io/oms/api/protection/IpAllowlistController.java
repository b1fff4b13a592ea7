package io.oms.api.protection;

import io.oms.api.audit.ClientAddress;
import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.config.AuditProperties;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.security.TenantProtectionRepository;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's IP allowlist: read it, or replace it whole. A list that would refuse the caller's own
 * current address is not saved (409), so an admin cannot lock the tenant out by mistake.
 */
@ApiRole
@RestController
public class IpAllowlistController {
    static final int MAX_ENTRIES = 100;

    /** The list as stored (canonical CIDR) and the address this request came from, for reference. */
    public record Allowlist(List<String> entries, String clientAddress) {}

    public record AllowlistBody(List<String> entries) {}

    private final TenantProtectionRepository repository;
    private final TenantProtectionCache cache;
    private final AuditProperties proxies;
    private final CommandAudit audit;

    public IpAllowlistController(TenantProtectionRepository repository, TenantProtectionCache cache,
                                 AuditProperties proxies, CommandAudit audit) {
        this.repository = repository;
        this.cache = cache;
        this.proxies = proxies;
        this.audit = audit;
    }

    @GetMapping("/api/v1/tenant/ip-allowlist")
    Allowlist get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, HttpServletRequest request) {
        return current(principal, request);
    }

    @PutMapping("/api/v1/tenant/ip-allowlist")
    Allowlist replace(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                      @RequestBody AllowlistBody body, HttpServletRequest request) {
        List<CidrBlock> blocks = validate(body);
        String address = ClientAddress.of(request, proxies.trustedProxies());
        if (!new TenantProtection(blocks, Optional.empty()).allows(address)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "this list would refuse your own address " + address,
                    List.of(), "include " + address + " (or a network holding it) in entries, or send an empty list");
        }
        repository.replaceAllowlist(principal.tenantId(), blocks.stream().map(CidrBlock::text).distinct().toList());
        cache.invalidate(principal.tenantId());
        Allowlist saved = current(principal, request);
        audit.record(principal, request, "tenant.ip_allowlist.replace", "tenant", principal.tenantId(), saved.entries());
        return saved;
    }

    private Allowlist current(ApiPrincipal principal, HttpServletRequest request) {
        return new Allowlist(repository.allowlist(principal.tenantId()), ClientAddress.of(request, proxies.trustedProxies()));
    }

    private static List<CidrBlock> validate(AllowlistBody body) {
        if (body == null || body.entries() == null) {
            throw ApiException.validation(List.of(new FieldProblem("entries", "is required (an empty list allows any address)")));
        }
        if (body.entries().size() > MAX_ENTRIES) {
            throw ApiException.validation(List.of(new FieldProblem("entries", "has more than " + MAX_ENTRIES + " entries")));
        }
        List<CidrBlock> blocks = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < body.entries().size(); i++) {
            try {
                blocks.add(CidrBlock.parse(body.entries().get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("entries[" + i + "]", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        return blocks;
    }
}
