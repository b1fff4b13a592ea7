package io.oms.api.risk;

import io.oms.api.Decimals;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.risk.AccountExposure;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.Restriction;
import io.oms.infra.risk.RestrictionList;
import io.oms.infra.risk.RestrictionRepository;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.infra.security.ApiPrincipal;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/risk/status?account=} ({@code risk:manage}): every limit that applies to the account's orders
 * with its usage and headroom, from one consistent snapshot. An account the tenant does not hold answers 404.
 */
@ApiRole
@RestController
public class RiskStatusController {
    private final RiskSnapshots snapshots;
    private final RestrictionRepository restricted;

    public RiskStatusController(RiskSnapshots snapshots, RestrictionRepository restricted) {
        this.snapshots = snapshots;
        this.restricted = restricted;
    }

    /**
     * The account's figures and its limits' usage, and the tenant's restricted symbols (they apply to every
     * account; details in {@code GET /api/v1/risk/restricted-symbols}). {@code accountRestriction} is why the account
     * is restricted from trading (null when it is not); {@code dayPeakPnl} the day's recorded peak P&L;
     * {@code equity} the account's ACCOUNT_EQUITY figure (null when none); {@code grossExposure} the value of its
     * positions and working orders (the larger side per symbol; unpriced parts counted as 0).
     */
    public record RiskStatus(String account, Instant asOf, String dayPnl, int workingOrders, List<LimitUsage> limits,
                             List<String> restrictedSymbols, String accountRestriction, String dayPeakPnl,
                             String equity, String grossExposure) {}

    @GetMapping("/api/v1/risk/status")
    RiskStatus status(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                      @RequestParam(required = false) String account) {
        if (account == null || account.isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("account", "is required")));
        }
        if (!snapshots.ownsAccount(caller.tenantId(), account)) throw ApiException.notFound("account");
        RiskSnapshot snapshot = snapshots.load(caller.tenantId(), account, null);
        List<LimitUsage> usage = snapshot.limits().stream()
                .filter(l -> l.scope() != LimitScope.ACCOUNT || l.scopeValue().equals(account))
                .map(l -> LimitUsage.of(l, snapshot))
                .toList();
        return new RiskStatus(account, snapshot.asOf(), Decimals.text(snapshot.dayPnl()), snapshot.workingOrders().size(), usage,
                restricted.list(RestrictionList.SYMBOLS, caller.tenantId()).stream().map(Restriction::key).toList(),
                snapshot.accountRestriction(), Decimals.text(snapshot.dayPeakPnl()), Decimals.text(snapshot.accountEquity()),
                Decimals.text(AccountExposure.of(snapshot).gross()));
    }
}
