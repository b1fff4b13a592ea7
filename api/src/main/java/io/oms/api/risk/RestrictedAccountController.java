package io.oms.api.risk;

import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.risk.RestrictionList;
import io.oms.infra.risk.RestrictionRepository;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
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
    private static final RestrictionCommands.Kind<RestrictedAccountResource> KIND =
            new RestrictionCommands.Kind<>(RestrictionList.ACCOUNTS, "restricted_account", RestrictedAccountResource::of);

    private final RestrictionCommands commands;
    private final RiskSnapshots snapshots;

    public RestrictedAccountController(RestrictionCommands commands, RiskSnapshots snapshots) {
        this.commands = commands;
        this.snapshots = snapshots;
    }

    /** Every restricted account of the tenant, by account (at most {@value RestrictionRepository#MAX_PER_TENANT}). */
    @GetMapping
    Page<RestrictedAccountResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return commands.list(caller, KIND);
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
        String code = strip(account);
        boolean owned = !code.isEmpty() && snapshots.ownsAccount(caller.tenantId(), code);
        List<FieldProblem> problems = owned ? List.of()
                : List.of(new FieldProblem("account", "is not one of the tenant's broker accounts"));
        return commands.restrict(caller, http, KIND, code, problems, body == null ? null : body.reason());
    }

    /** 204; 404 when the tenant has not restricted the account (also once lifted). */
    @DeleteMapping("/{account}")
    ResponseEntity<Void> lift(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String account, HttpServletRequest http) {
        return commands.lift(caller, http, KIND, strip(account));
    }

    private static String strip(String account) {
        return account == null ? "" : account.strip();
    }
}
