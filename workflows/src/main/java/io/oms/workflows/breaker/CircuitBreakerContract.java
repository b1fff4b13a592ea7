package io.oms.workflows.breaker;

import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.OrderWorkflowContract;
import java.util.Locale;

/**
 * The circuit breaker evaluation's contract: one long-running workflow per tenant that has configured a breaker,
 * id {@code circuit-breakers/{tenant}}, evaluating the tenant's breakers every few seconds. A trip engages the kill
 * switch of the breaker's scope with reason {@code CIRCUIT_BREAKER_<KIND>} and actor {@value #ACTOR}.
 */
public final class CircuitBreakerContract {
    public static final String WORKFLOW_TYPE = "CircuitBreakers";
    /** With the order workflows, the kill switches and the database activities. */
    public static final String TASK_QUEUE = OrderWorkflowContract.TASK_QUEUE;

    /** Who a breaker's engagement names; a switch engaged by it is released only by a signed-in person. */
    public static final String ACTOR = "circuit-breaker";
    public static final String REASON_CODE_PREFIX = "CIRCUIT_BREAKER_";

    /** Evaluations per run before the workflow continues as new (about 10 history events each). */
    public static final int CONTINUE_AFTER_CHECKS = 200;

    private CircuitBreakerContract() {}

    public static String workflowId(TenantId tenant) {
        return "circuit-breakers/" + tenant.value();
    }

    /** The kill switch reason code of a breaker kind, e.g. CIRCUIT_BREAKER_REJECT_STORM. */
    public static String reasonCode(String kind) {
        return REASON_CODE_PREFIX + kind.toUpperCase(Locale.ROOT);
    }

    /** True when a switch's reason code says a circuit breaker engaged it. */
    public static boolean engagedByBreaker(String reasonCode) {
        return reasonCode != null && reasonCode.startsWith(REASON_CODE_PREFIX);
    }
}
