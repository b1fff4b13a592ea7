package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.risk.RestrictedAccountRepository;
import io.oms.infra.risk.RestrictedAccountRepository.Outcome;
import io.oms.infra.risk.RestrictedAccountRepository.Upserted;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts the tenant blocks from trading ({@code risk:manage}), read by the RESTRICTED_ACCOUNT rule: list,
 * restrict (idempotent upsert by account), lift, each change audited. Only the tenant's own broker accounts can be
 * restricted; another tenant's account code is refused like an unknown one, and lifting it answers 404.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/risk/restricted-accounts")
public class RestrictedAccountController {
    static final int MAX_REASON = 500;

    private final RestrictedAccountRepository restricted;
    private final RiskSnapshots snapshots;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public RestrictedAccountController(RestrictedAccountRepository restricted, RiskSnapshots snapshots,
                                       CommandAudit audit) {
        this.restricted = restricted;
        this.snapshots = snapshots;
        this.audit = audit;
    }

    /** Every restricted account of the tenant, by account (at most {@value RestrictedAccountRepository#MAX_PER_TENANT}). */
    @GetMapping
    Page<RestrictedAccountResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return new Page<>(restricted.list(caller.tenantId()).stream().map(RestrictedAccountResource::of).toList(), null);
    }

    /**
     * 201 when the account becomes restricted, 200 when it already was (the reason is replaced; the same reason
     * changes nothing and is not audited again); 400 for a missing reason or an account that is not the tenant's.
     */
    @PutMapping("/{account}")
    ResponseEntity<RestrictedAccountResource> restrict(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                       @PathVariable String account,
                                                       @RequestBody(required = false) RestrictedAccountBody body,
                                                       HttpServletRequest http) {
        String code = account == null ? "" : account.strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (code.isEmpty() || !snapshots.ownsAccount(caller.tenantId(), code)) {
            problems.add(new FieldProblem("account", "is not one of the tenant's broker accounts"));
        }
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) problems.add(new FieldProblem("reason", "is required"));
        else if (reason.length() > MAX_REASON) problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        if (restricted.find(caller.tenantId(), code).isEmpty()
                && restricted.count(caller.tenantId()) >= RestrictedAccountRepository.MAX_PER_TENANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + RestrictedAccountRepository.MAX_PER_TENANT
                    + " restricted accounts already", List.of(), "lift a restriction first");
        }
        Upserted done = restricted.upsert(caller.tenantId(), code, reason, caller.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        RestrictedAccountResource resource = RestrictedAccountResource.of(done.row());
        if (done.outcome() != Outcome.UNCHANGED) {
            audit.record(caller, http, "restricted_account.add", "restricted_account", code, resource);
        }
        return ResponseEntity.status(done.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(resource);
    }

    /** 204; 404 when the tenant has not restricted the account (also once lifted). */
    @DeleteMapping("/{account}")
    ResponseEntity<Void> lift(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String account, HttpServletRequest http) {
        String code = account == null ? "" : account.strip();
        RestrictedAccountResource removed = restricted.delete(caller.tenantId(), code)
                .map(RestrictedAccountResource::of)
                .orElseThrow(() -> ApiException.notFound("restricted account"));
        audit.record(caller, http, "restricted_account.remove", "restricted_account", code, removed);
        return ResponseEntity.noContent().build();
    }
}
