package io.oms.workflows.order;

import io.oms.workflows.risk.RiskDenial;
import java.util.List;

/**
 * The answer of the modify update: IB confirmed the new terms, IB (or the risk checks, then {@code denials} says
 * why) refused them (the order works on as it was, {@code reason} says why), or IB has not answered within the
 * update's wait (the order is PENDING_MODIFY).
 */
public record ModifyOutcome(Status status, OrderView order, String reason, List<RiskDenial> denials) {
    public enum Status {
        CONFIRMED,
        REFUSED,
        PENDING
    }

    public ModifyOutcome {
        denials = denials == null ? List.of() : List.copyOf(denials);
    }

    public ModifyOutcome(Status status, OrderView order, String reason) {
        this(status, order, reason, List.of());
    }
}
