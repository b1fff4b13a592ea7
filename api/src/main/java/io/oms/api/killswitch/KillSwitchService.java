package io.oms.api.killswitch;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.Scopes;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.breaker.CircuitBreakerContract;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.StrategyId;
import io.oms.workflows.killswitch.EngageRequest;
import io.oms.workflows.killswitch.Engagement;
import io.oms.workflows.killswitch.KillSwitchClient;
import io.oms.workflows.killswitch.KillSwitchContract;
import io.oms.workflows.killswitch.KillSwitchKey;
import io.oms.workflows.killswitch.KillSwitchScope;
import io.oms.workflows.killswitch.ReleaseRequest;
import io.oms.workflows.killswitch.TradingState;
import io.temporal.client.WorkflowUpdateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Engage and release through the switches' workflows. The caller addresses only its own tenant's switches (another
 * tenant's account, or a tenant id not its own, is 404 like one that does not exist); GLOBAL needs system:admin.
 */
@ApiRole
@Service
public class KillSwitchService {
    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    static final int MAX_REASON = 500;

    private final io.temporal.client.WorkflowClient client;
    private final BrokerDirectory brokers;
    private final KillSwitchRepository switches;
    private final KillSwitchGate gate;

    public KillSwitchService(io.temporal.client.WorkflowClient client, BrokerDirectory brokers,
                             KillSwitchRepository switches, KillSwitchGate gate) {
        this.client = client;
        this.brokers = brokers;
        this.switches = switches;
        this.gate = gate;
    }

    public Engagement engage(ApiPrincipal principal, KillSwitchBodies.Engage body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        KillSwitchScope scope = parseScope(body.scope(), problems);
        TradingState state = null;
        if (body.state() == null || !List.of("HALTED", "REDUCING").contains(body.state().toUpperCase(Locale.ROOT))) {
            problems.add(new FieldProblem("state", "must be HALTED or REDUCING"));
        } else {
            state = TradingState.valueOf(body.state().toUpperCase(Locale.ROOT));
        }
        if (body.reasonCode() == null || !REASON_CODE.matcher(body.reasonCode()).matches()) {
            problems.add(new FieldProblem("reasonCode", "must be upper case letters, digits and _, at most 64, like LOSS_LIMIT"));
        }
        checkReason(body.reason(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        KillSwitchKey key = key(principal, scope, body.scopeId());
        EngageRequest request = new EngageRequest(state, body.reasonCode(), body.reason(), principal.actor());
        return call(() -> KillSwitchClient.engage(client, key, request));
    }

    public Engagement release(ApiPrincipal principal, String scopeName, String scopeId, String reason) {
        List<FieldProblem> problems = new ArrayList<>();
        checkReason(reason, problems);
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        KillSwitchScope scope = parseScope(scopeName, new ArrayList<>());
        if (scope == null) {
            throw ApiException.notFound("kill switch " + scopeName + "/" + scopeId);
        }
        KillSwitchKey key = key(principal, scope, scopeId);
        // Only a switch that was ever engaged can be released: an unknown one is 404, for any caller alike.
        KillSwitchRow row = switches.find(key.tenantId(), key.scope().name(), key.scopeId())
                .orElseThrow(() -> ApiException.notFound("kill switch " + scope + "/" + scopeId));
        requirePersonForBreakerRelease(principal, row);
        return call(() -> KillSwitchClient.release(client, key, new ReleaseRequest(principal.actor(), reason)));
    }

    /**
     * RTS 6 Art. 15(3): trading stopped by a circuit breaker is re-enabled only by a person. A switch a breaker
     * engaged is released by a signed-in user (an access token), never by an API key, not even the user's own key.
     */
    static void requirePersonForBreakerRelease(ApiPrincipal principal, KillSwitchRow row) {
        if (row.engaged() && CircuitBreakerContract.engagedByBreaker(row.reasonCode()) && principal.isApiKey()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "kill switch " + row.scope() + "/" + row.scopeId()
                    + " was engaged by a circuit breaker (" + row.reasonCode() + "): only a signed-in person may release it,"
                    + " not an API key (MiFID II RTS 6 Art. 15(3))", List.of(),
                    "sign in as a user with " + Scopes.RISK_MANAGE + " and release it with the access token");
        }
    }

    /** The switch the caller may address, or 404 (another tenant's) / 403 (GLOBAL without system:admin). */
    KillSwitchKey key(ApiPrincipal principal, KillSwitchScope scope, String scopeId) {
        String tenant = principal.tenantId();
        String id = scopeId == null ? null : scopeId.trim();
        return switch (scope) {
            case GLOBAL -> {
                if (!principal.hasScope(Scopes.SYSTEM_ADMIN)) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "the global kill switch needs the scope " + Scopes.SYSTEM_ADMIN);
                }
                if (id != null && !id.isEmpty() && !KillSwitchContract.GLOBAL_ID.equals(id)) {
                    throw ApiException.notFound("kill switch GLOBAL/" + id);
                }
                yield KillSwitchKey.global();
            }
            case TENANT -> {
                if (id != null && !id.isEmpty() && !id.equals(tenant)) {
                    throw ApiException.notFound("kill switch TENANT/" + id);
                }
                yield new KillSwitchKey(tenant, KillSwitchScope.TENANT, tenant);
            }
            case ACCOUNT -> {
                if (id == null || id.isEmpty()) {
                    throw ApiException.validation(List.of(new FieldProblem("scopeId", "is required: the account code")));
                }
                if (brokers.findAccount(tenant, id).isEmpty()) {
                    throw ApiException.notFound("kill switch ACCOUNT/" + id);
                }
                yield new KillSwitchKey(tenant, KillSwitchScope.ACCOUNT, id);
            }
            case STRATEGY -> {
                if (id == null || !StrategyId.isValid(id)) {
                    throw ApiException.validation(List.of(new FieldProblem("scopeId", "must be a strategy id (letters, digits, _ . : -, at most 64)")));
                }
                yield new KillSwitchKey(tenant, KillSwitchScope.STRATEGY, id);
            }
        };
    }

    private Engagement call(Supplier<Engagement> update) {
        try {
            return update.get();
        } catch (WorkflowUpdateException e) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, rootMessage(e));
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the workflow service is unavailable", List.of(),
                    "retry: engaging and releasing are idempotent");
        } finally {
            gate.invalidate();
        }
    }

    private static KillSwitchScope parseScope(String scope, List<FieldProblem> problems) {
        try {
            return KillSwitchScope.valueOf(scope == null ? "" : scope.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("scope", "must be one of GLOBAL, TENANT, ACCOUNT, STRATEGY"));
            return null;
        }
    }

    private static void checkReason(String reason, List<FieldProblem> problems) {
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON + " characters"));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? "the kill switch refused the request" : t.getMessage();
    }
}
