package io.oms.activities.risk;

import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.RiskDenial;
import java.util.List;

/** Every denial of one order, in the engine's fixed rule order; none means the order may go. */
public record RiskVerdict(List<RiskDenial> denials) {

    public RiskVerdict {
        denials = List.copyOf(denials);
    }

    public boolean passed() {
        return denials.isEmpty();
    }

    /** COMPLIANCE_BLOCKED when any compliance rule denied (it cannot be lifted by a risk override), else RISK_LIMIT_BREACH. */
    public ErrorCode errorCode() {
        if (passed()) throw new IllegalStateException("the order passed");
        return denials.stream().anyMatch(d -> d.kind() == DenialKind.COMPLIANCE)
                ? ErrorCode.COMPLIANCE_BLOCKED : ErrorCode.RISK_LIMIT_BREACH;
    }
}
