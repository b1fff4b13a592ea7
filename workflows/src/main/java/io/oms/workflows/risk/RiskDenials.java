package io.oms.workflows.risk;

import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** What a list of denials means for the caller: one error code, one sentence, and whether waiting helps. */
public final class RiskDenials {
    private RiskDenials() {}

    /**
     * RATE_LIMITED when only order rates were broken (waiting is the whole cure), else COMPLIANCE_BLOCKED when a
     * compliance rule denied (no risk override lifts it), else RISK_LIMIT_BREACH.
     */
    public static ErrorCode errorCode(List<RiskDenial> denials) {
        if (denials.isEmpty()) {
            throw new IllegalArgumentException("no denials");
        }
        if (denials.stream().allMatch(d -> d.reason() == DenialReason.ORDER_RATE)) {
            return ErrorCode.RATE_LIMITED;
        }
        return denials.stream().anyMatch(d -> d.kind() == DenialKind.COMPLIANCE)
                ? ErrorCode.COMPLIANCE_BLOCKED : ErrorCode.RISK_LIMIT_BREACH;
    }

    /** The longest wait any rate denial asks for, or null when none says (or waiting would not help). */
    public static Long retryAfterSeconds(List<RiskDenial> denials) {
        if (errorCode(denials) != ErrorCode.RATE_LIMITED) {
            return null;
        }
        return denials.stream().map(RiskDenial::retryAfterSeconds).filter(Objects::nonNull)
                .max(Long::compare).orElse(null);
    }

    /** The reject reason kept on the order: each reason with its message, in the engine's order. */
    public static String summary(List<RiskDenial> denials) {
        return denials.stream().map(d -> d.reason() + ": " + d.message()).collect(Collectors.joining("; "));
    }
}
