package io.oms.api.risk;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks a limit body field by field and reports every problem at once (400 VALIDATION_ERROR). */
final class RiskLimitValidation {
    static final int MAX_SCOPE_VALUE = 64;
    static final int MAX_PERIOD_SECONDS = 86_400;
    static final BigDecimal MAX_PERCENT = BigDecimal.valueOf(1000);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_LEVERAGE = BigDecimal.valueOf(1000);
    /** IB's security types: an ASSET_CLASS limit names one of them (upper-cased), so a typo cannot match nothing. */
    static final Set<String> SECURITY_TYPES = Set.of("STK", "OPT", "FUT", "CASH", "BOND", "CFD", "FOP", "WAR", "IOPT",
            "FWD", "BAG", "IND", "CMDTY", "FUND", "CRYPTO", "BILL");

    /** The checked terms. */
    record Terms(LimitScope scope, String scopeValue, LimitType type, BigDecimal value, Integer periodSeconds) {}

    private RiskLimitValidation() {}

    static Terms validate(RiskLimitBody body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        LimitScope scope = parse(LimitScope.class, body.scope(), "scope", problems);
        LimitType type = parse(LimitType.class, body.type(), "type", problems);
        String scopeValue = body.scopeValue() == null ? null : body.scopeValue().strip();
        if (scope == LimitScope.ASSET_CLASS && scopeValue != null) scopeValue = scopeValue.toUpperCase(Locale.ROOT);
        if (scope != null && scope.needsValue() && (scopeValue == null || scopeValue.isEmpty())) {
            problems.add(new FieldProblem("scopeValue", "is required for scope " + scope));
        } else if (scope == LimitScope.TENANT && scopeValue != null) {
            problems.add(new FieldProblem("scopeValue", "must be absent for scope TENANT"));
        } else if (scopeValue != null && scopeValue.length() > MAX_SCOPE_VALUE) {
            problems.add(new FieldProblem("scopeValue", "must be at most " + MAX_SCOPE_VALUE + " characters"));
        } else if (scope == LimitScope.ASSET_CLASS && !SECURITY_TYPES.contains(scopeValue)) {
            problems.add(new FieldProblem("scopeValue", "must be a security type, one of " + new TreeSet<>(SECURITY_TYPES)));
        }
        if (type == LimitType.ACCOUNT_EQUITY && scope != null && scope != LimitScope.ACCOUNT) {
            problems.add(new FieldProblem("scope", "must be ACCOUNT for ACCOUNT_EQUITY (an account's own figure)"));
        }
        BigDecimal value = body.value();
        if (value == null) {
            problems.add(new FieldProblem("value", "is required"));
        } else if (value.signum() <= 0) {
            problems.add(new FieldProblem("value", "must be greater than 0"));
        } else if (type != null && counts(type) && value.stripTrailingZeros().scale() > 0) {
            problems.add(new FieldProblem("value", "must be a whole number for " + type));
        } else if (type == LimitType.PRICE_COLLAR_PCT && value.compareTo(MAX_PERCENT) > 0) {
            problems.add(new FieldProblem("value", "must be at most " + MAX_PERCENT + " (percent)"));
        } else if (type == LimitType.MAX_CONCENTRATION_PCT && value.compareTo(HUNDRED) > 0) {
            problems.add(new FieldProblem("value", "must be at most 100 (percent of the account's book)"));
        } else if (type == LimitType.MAX_LEVERAGE && value.compareTo(MAX_LEVERAGE) > 0) {
            problems.add(new FieldProblem("value", "must be at most " + MAX_LEVERAGE + " (ratio)"));
        } else if (type == LimitType.DUPLICATE_WINDOW && value.compareTo(BigDecimal.valueOf(MAX_PERIOD_SECONDS)) > 0) {
            problems.add(new FieldProblem("value", "must be at most " + MAX_PERIOD_SECONDS + " (seconds)"));
        }
        Integer period = body.periodSeconds();
        if (type != null && type.needsPeriod() && period == null) {
            problems.add(new FieldProblem("periodSeconds", "is required for " + type));
        } else if (type != null && !type.needsPeriod() && period != null) {
            problems.add(new FieldProblem("periodSeconds", "must be absent for " + type));
        } else if (period != null && (period < 1 || period > MAX_PERIOD_SECONDS)) {
            problems.add(new FieldProblem("periodSeconds", "must be between 1 and " + MAX_PERIOD_SECONDS));
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        return new Terms(scope, scopeValue, type, value, period);
    }

    private static boolean counts(LimitType type) {
        return type == LimitType.OPEN_ORDERS || type == LimitType.ORDER_RATE || type == LimitType.DUPLICATE_WINDOW;
    }

    private static <E extends Enum<E>> E parse(Class<E> kind, String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        try {
            return Enum.valueOf(kind, text.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "must be one of " + Arrays.toString(kind.getEnumConstants())));
            return null;
        }
    }
}
