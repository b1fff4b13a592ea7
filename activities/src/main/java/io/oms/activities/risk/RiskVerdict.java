package io.oms.activities.risk;

import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.risk.RiskDenials;
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

    /** The answer's error code ({@link RiskDenials#errorCode}). */
    public ErrorCode errorCode() {
        if (passed()) throw new IllegalStateException("the order passed");
        return RiskDenials.errorCode(denials);
    }
}
