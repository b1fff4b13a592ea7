package io.oms.api.risk;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.risk.OverrideKind;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.DenialReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The checks of a {@code POST /api/v1/risk/overrides} body that need nothing but the body: every problem is
 * reported at once (400) before anything is looked up or stored. Whether the order, limit, account and symbol
 * exist for the tenant is the service's part.
 */
final class RiskOverrideValidation {
    static final int MAX_REASON = 500;
    static final long DEFAULT_EXPIRY_SECONDS = 900;
    static final long MAX_ORDER_EXPIRY_SECONDS = 3600;
    static final long MAX_LIMIT_EXPIRY_SECONDS = 86_400;
    /** Kill-switch states are released by a person with risk:manage, never overridden order by order. */
    static final Set<DenialReason> KILL_SWITCH = EnumSet.of(DenialReason.TRADING_HALTED, DenialReason.REDUCE_ONLY);

    /** An ORDER override's terms as given in the body (account and symbol still to be checked against the tenant). */
    record Terms(String account, String symbol, Side side, OrderType type, BigDecimal qty, BigDecimal limitPrice,
                 List<DenialReason> reasons) {}

    /** A valid body: exactly one of {@code orderId}, {@code terms} (ORDER) or {@code limitId} (LIMIT) is set. */
    record Draft(OverrideKind kind, UUID orderId, Terms terms, UUID limitId, String reason, long expiresInSeconds) {}

    private RiskOverrideValidation() {}

    static Draft validate(RiskOverrideBody body) {
        if (body == null) throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        List<FieldProblem> problems = new ArrayList<>();
        OverrideKind kind = parse(OverrideKind.class, body.kind(), "kind", problems);
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) problems.add(new FieldProblem("reason", "is required"));
        else if (reason.length() > MAX_REASON) problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON));
        long max = kind == OverrideKind.LIMIT ? MAX_LIMIT_EXPIRY_SECONDS : MAX_ORDER_EXPIRY_SECONDS;
        long expiresIn = body.expiresInSeconds() == null ? DEFAULT_EXPIRY_SECONDS : body.expiresInSeconds();
        if (expiresIn < 1 || expiresIn > max) {
            problems.add(new FieldProblem("expiresInSeconds", "must be between 1 and " + max + " for " + (kind == null ? OverrideKind.ORDER : kind)));
        }
        UUID orderId = null;
        UUID limitId = null;
        Terms terms = null;
        if (kind == OverrideKind.LIMIT) {
            limitId = uuid(body.limitId(), "limitId", problems);
            if (body.orderId() != null || hasTerms(body)) {
                problems.add(new FieldProblem("kind", "a LIMIT override takes limitId, not an order or its terms"));
            }
        } else if (kind == OverrideKind.ORDER) {
            if (body.limitId() != null) problems.add(new FieldProblem("limitId", "is for LIMIT overrides"));
            if (body.orderId() != null) {
                orderId = uuid(body.orderId(), "orderId", problems);
                if (hasTerms(body)) {
                    problems.add(new FieldProblem("orderId", "give either orderId or the order's terms, not both"));
                }
            } else {
                terms = terms(body, problems);
            }
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        return new Draft(kind, orderId, terms, limitId, reason, expiresIn);
    }

    /**
     * Refuses compliance reasons (422 COMPLIANCE_BLOCKED): a restricted symbol, closed market, wash trade or
     * duplicate is never waived. Also refuses the kill switches' reasons (409), which are released, not overridden.
     */
    static void requireWaivable(List<DenialReason> reasons) {
        List<FieldProblem> compliance = reasons.stream().filter(r -> r.kind() == DenialKind.COMPLIANCE)
                .map(r -> new FieldProblem("reasons", r.name() + " is a compliance denial")).toList();
        if (!compliance.isEmpty()) {
            throw new ApiException(ErrorCode.COMPLIANCE_BLOCKED, "compliance denials cannot be overridden", compliance,
                    "only risk-limit reasons can be waived; compliance rules stay in force");
        }
        List<DenialReason> halted = reasons.stream().filter(KILL_SWITCH::contains).toList();
        if (!halted.isEmpty()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, halted + " come from a kill switch and cannot be overridden",
                    List.of(), "release the kill switch (risk:manage) instead");
        }
    }

    private static Terms terms(RiskOverrideBody body, List<FieldProblem> problems) {
        String account = required(body.account(), "account", problems);
        String symbol = required(body.symbol(), "symbol", problems);
        Side side = parse(Side.class, body.side(), "side", problems);
        OrderType type = parse(OrderType.class, body.type(), "type", problems);
        if (body.qty() == null) problems.add(new FieldProblem("qty", "is required"));
        else if (body.qty().signum() <= 0) problems.add(new FieldProblem("qty", "must be greater than 0"));
        if (type != null && type.requiresLimitPrice() && body.limitPrice() == null) {
            problems.add(new FieldProblem("limitPrice", "is required for " + type));
        } else if (type != null && !type.requiresLimitPrice() && body.limitPrice() != null) {
            problems.add(new FieldProblem("limitPrice", "is only for LMT, STP_LMT and LOC orders"));
        } else if (body.limitPrice() != null && body.limitPrice().signum() <= 0) {
            problems.add(new FieldProblem("limitPrice", "must be greater than 0"));
        }
        Set<DenialReason> reasons = new LinkedHashSet<>();
        if (body.reasons() == null || body.reasons().isEmpty()) {
            problems.add(new FieldProblem("reasons", "name at least one denial reason to waive"));
        } else {
            for (int i = 0; i < body.reasons().size(); i++) {
                DenialReason r = parse(DenialReason.class, body.reasons().get(i), "reasons[" + i + "]", problems);
                if (r != null) reasons.add(r);
            }
        }
        return new Terms(account, symbol == null ? null : symbol.toUpperCase(Locale.ROOT), side, type, body.qty(),
                body.limitPrice(), List.copyOf(reasons));
    }

    private static boolean hasTerms(RiskOverrideBody b) {
        return b.account() != null || b.symbol() != null || b.side() != null || b.qty() != null || b.type() != null
                || b.limitPrice() != null || b.reasons() != null;
    }

    private static String required(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return value.strip();
    }

    private static UUID uuid(String value, String field, List<FieldProblem> problems) {
        if (required(value, field, problems) == null) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "is not an id"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> problems) {
        if (required(value, field, problems) == null) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
