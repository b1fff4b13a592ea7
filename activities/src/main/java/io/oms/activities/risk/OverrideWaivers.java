package io.oms.activities.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.risk.OverrideTerms;
import io.oms.infra.risk.RiskOverride;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.workflows.risk.DenialKind;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the tenant's risk overrides to an engine verdict. Risk denials of a limit lifted by an active LIMIT
 * override are dropped, whatever the check. Then, for a new order only, when every remaining denial is a risk one and one
 * active ORDER override with the order's exact terms waives all of their reasons, that override is consumed
 * (single use, audited in the same transaction) and the order passes. Compliance denials are never waived.
 */
@Component
public class OverrideWaivers {
    /** The audit actor of a consumption: the engine, on the placing user's behalf (named in the record). */
    static final String ACTOR = "risk-engine";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RiskOverrideRepository overrides;
    private final AuditRepository audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    @Autowired
    public OverrideWaivers(RiskOverrideRepository overrides, AuditRepository audit, TransactionTemplate tx) {
        this(overrides, audit, tx, Clock.systemUTC());
    }

    public OverrideWaivers(RiskOverrideRepository overrides, AuditRepository audit, TransactionTemplate tx, Clock clock) {
        this.overrides = overrides;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public RiskVerdict apply(RiskCheckRequest request, RiskVerdict verdict) {
        if (verdict.passed()) return verdict;
        OrderIntent intent = request.intent();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<RiskDenial> left = verdict.denials();
        if (left.stream().anyMatch(OverrideWaivers::liftable)) {
            Set<UUID> lifted = overrides.liftedLimits(intent.tenantId(), now);
            left = left.stream().filter(d -> !liftable(d) || !lifted.contains(limitId(d))).toList();
        }
        if (!left.isEmpty() && request.kind() == RiskCheckKind.NEW_ORDER
                && left.stream().allMatch(d -> d.kind() == DenialKind.RISK) && consumeWaiver(intent, left, now)) {
            left = List.of();
        }
        return new RiskVerdict(left);
    }

    /** True when an ORDER override waiving every one of {@code denials} was consumed by (or before, for) this order. */
    private boolean consumeWaiver(OrderIntent intent, List<RiskDenial> denials, Instant now) {
        if (intent.clientOrderId() == null) return false;
        Set<String> reasons = Set.copyOf(denials.stream().map(d -> d.reason().name()).toList());
        OverrideTerms terms = new OverrideTerms(intent.account(), intent.symbol(), intent.side().name(),
                intent.type().name(), intent.quantity(), intent.limitPrice(), List.copyOf(reasons));
        for (RiskOverride candidate : overrides.orderCandidates(intent.tenantId(), terms, intent.clientOrderId(), now)) {
            if (!candidate.terms().reasons().containsAll(reasons)) continue;
            if (intent.clientOrderId().equals(candidate.usedByOrder())) return true; // a retried check: already ours
            Boolean won = tx.execute(status -> {
                if (!overrides.consume(intent.tenantId(), candidate.id(), intent.clientOrderId(), now)) return false;
                audit.append(new AuditRecord(intent.tenantId(), now, ACTOR, "risk_override.use", "risk_override",
                        candidate.id().toString(), null, null, usage(candidate, intent, reasons), null, null, null));
                return true;
            });
            if (Boolean.TRUE.equals(won)) return true; // else another order took it first: try the next one
        }
        return false;
    }

    private static String usage(RiskOverride used, OrderIntent intent, Set<String> reasons) {
        ObjectNode node = JSON.createObjectNode();
        node.put("overrideId", used.id().toString());
        node.put("clientOrderId", intent.clientOrderId());
        node.put("account", intent.account());
        node.put("symbol", intent.symbol());
        node.put("user", intent.user());
        reasons.stream().sorted().forEach(node.putArray("waived")::add);
        return node.toString();
    }

    /** A risk denial of a stored limit; a compliance one (a DUPLICATE_WINDOW limit's duplicate) is never lifted. */
    private static boolean liftable(RiskDenial denial) {
        return denial.limitId() != null && denial.kind() == DenialKind.RISK;
    }

    private static UUID limitId(RiskDenial denial) {
        try {
            return UUID.fromString(denial.limitId());
        } catch (IllegalArgumentException e) {
            return null; // not a stored limit's id: nothing can lift it
        }
    }
}
