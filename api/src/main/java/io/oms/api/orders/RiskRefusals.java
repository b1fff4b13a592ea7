package io.oms.api.orders;

import io.micrometer.core.instrument.MeterRegistry;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiRole;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.RiskDenial;
import io.oms.workflows.risk.RiskDenials;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The answer to an order or modify the risk engine denied: 429 RATE_LIMITED with Retry-After when only order
 * rates were broken, else 422 COMPLIANCE_BLOCKED or RISK_LIMIT_BREACH, with one detail per reason. Each new
 * denial counts in {@code oms.risk.denials} by reason.
 */
@ApiRole
@Component
public class RiskRefusals {
    static final String METRIC = "oms.risk.denials";

    private final MeterRegistry meters;

    public RiskRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The refusal of a DENIED order; {@code fresh} when this call created it (a replay is not counted again). */
    ApiException orderDenied(OrderResource order, boolean fresh) {
        List<RiskDenial> denials = order.riskDenials().stream().map(RiskRefusals::denial).toList();
        if (fresh) {
            count(denials);
        }
        return refusal(denials, "the order was denied by the risk checks: " + reasons(denials),
                "order " + order.id() + " is recorded as DENIED with every reason and its numbers (GET /api/v1/orders/"
                        + order.id() + "); nothing was sent to the broker; a new attempt needs a new clientOrderId");
    }

    /** The refusal of a modify whose new terms the risk engine denied; the order works on, unchanged. */
    ApiException modifyDenied(List<RiskDenial> denials) {
        count(denials);
        return refusal(denials, "the modify was denied by the risk checks: " + reasons(denials),
                "the order keeps working on its previous terms");
    }

    private ApiException refusal(List<RiskDenial> denials, String message, String hint) {
        ErrorCode code = RiskDenials.errorCode(denials);
        List<FieldProblem> details = denials.stream()
                .map(d -> new FieldProblem(d.reason().name(), d.message())).toList();
        return new ApiException(code, message, details, hint, RiskDenials.retryAfterSeconds(denials));
    }

    private void count(List<RiskDenial> denials) {
        denials.forEach(d -> meters.counter(METRIC, "reason", d.reason().name(), "kind", d.kind().name()).increment());
    }

    private static String reasons(List<RiskDenial> denials) {
        return denials.stream().map(d -> d.reason().name()).collect(Collectors.joining(", "));
    }

    private static RiskDenial denial(RiskDenialResource r) {
        return new RiskDenial(DenialReason.valueOf(r.reason()), null, null, r.limitId(), r.message(),
                r.retryAfterSeconds());
    }
}
