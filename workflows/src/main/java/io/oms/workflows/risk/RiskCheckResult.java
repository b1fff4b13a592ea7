package io.oms.workflows.risk;

import java.util.List;

/** The denials of one risk check, in the engine's fixed rule order; none means the order may go. */
public record RiskCheckResult(List<RiskDenial> denials) {

    public RiskCheckResult {
        denials = denials == null ? List.of() : List.copyOf(denials);
    }

    public boolean passed() {
        return denials.isEmpty();
    }
}
