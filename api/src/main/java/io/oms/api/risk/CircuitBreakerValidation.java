package io.oms.api.risk;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.risk.BreakerKind;
import io.oms.infra.risk.CircuitBreaker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a breaker body field by field and reports every problem at once (400 VALIDATION_ERROR). */
final class CircuitBreakerValidation {
    static final int MAX_WINDOW_SECONDS = 86_400;
    static final BigDecimal MAX_THRESHOLD = new BigDecimal("1000000000000");

    /** The checked terms. */
    record Terms(String scope, String account, BigDecimal threshold, Integer windowSeconds, String action, boolean enabled) {}

    private CircuitBreakerValidation() {}

    static Terms validate(String tenantId, BreakerKind kind, CircuitBreakerBody body, BrokerDirectory brokers) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String scope = upper(body.scope(), CircuitBreaker.TENANT);
        String account = body.account() == null ? null : body.account().strip();
        if (!List.of(CircuitBreaker.TENANT, CircuitBreaker.ACCOUNT).contains(scope)) {
            problems.add(new FieldProblem("scope", "must be TENANT or ACCOUNT"));
        } else if (CircuitBreaker.ACCOUNT.equals(scope)) {
            if (account == null || account.isEmpty()) {
                problems.add(new FieldProblem("account", "is required for scope ACCOUNT"));
            } else if (brokers.findAccount(tenantId, account).isEmpty()) {
                problems.add(new FieldProblem("account", "is not one of the tenant's accounts"));
            }
        } else if (account != null) {
            problems.add(new FieldProblem("account", "must be absent for scope TENANT"));
        }
        BigDecimal threshold = body.threshold();
        if (threshold == null) {
            problems.add(new FieldProblem("threshold", "is required (" + kind.unit() + ")"));
        } else if (threshold.signum() <= 0) {
            problems.add(new FieldProblem("threshold", "must be greater than 0"));
        } else if (threshold.compareTo(MAX_THRESHOLD) > 0) {
            problems.add(new FieldProblem("threshold", "must be at most " + MAX_THRESHOLD.toPlainString()));
        } else if (kind.counts() && threshold.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("threshold", "must be a whole number for " + kind));
        }
        Integer window = body.windowSeconds();
        if (!kind.windowed() && window != null) {
            problems.add(new FieldProblem("windowSeconds", "must be absent for " + kind + " (it measures today's P&L)"));
        } else if (window != null && (window < 1 || window > MAX_WINDOW_SECONDS)) {
            problems.add(new FieldProblem("windowSeconds", "must be between 1 and " + MAX_WINDOW_SECONDS));
        } else if (kind.windowed() && window == null) {
            window = BreakerKind.DEFAULT_WINDOW_SECONDS;
        }
        String action = upper(body.action(), "HALTED");
        if (!List.of("HALTED", "REDUCING").contains(action)) {
            problems.add(new FieldProblem("action", "must be HALTED or REDUCING"));
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        return new Terms(scope, CircuitBreaker.ACCOUNT.equals(scope) ? account : null, threshold, window, action,
                body.enabled() == null || body.enabled());
    }

    private static String upper(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.strip().toUpperCase(Locale.ROOT);
    }
}
