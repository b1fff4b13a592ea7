package io.oms.activities.risk;

import io.oms.infra.config.RiskProperties;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One risk check: load the order's snapshot, run the rules of the moment asked about (less the checks the
 * deployment switched off, see {@link RiskProperties}), then apply the tenant's risk overrides (lifted limits; a
 * single-use waiver for a new order, consumed here).
 */
@Component
public class RiskChecks {
    private final RiskSnapshots snapshots;
    private final OverrideWaivers overrides;
    private final Map<RiskCheckKind, RiskEngine> engines = new EnumMap<>(RiskCheckKind.class);

    public RiskChecks(RiskSnapshots snapshots, OverrideWaivers overrides, RiskProperties properties) {
        this.snapshots = snapshots;
        this.overrides = overrides;
        Set<DenialReason> off = EnumSet.noneOf(DenialReason.class);
        if (!properties.enforces(properties.marketHours())) {
            off.add(DenialReason.MARKET_CLOSED);
        }
        if (!properties.enforces(properties.washTrade())) {
            off.add(DenialReason.WASH_TRADE);
        }
        if (!off.isEmpty()) {
            LoggerFactory.getLogger(RiskChecks.class).warn("risk checks switched off by configuration: {}", off);
        }
        for (RiskCheckKind kind : RiskCheckKind.values()) {
            engines.put(kind, engine(kind).without(off));
        }
    }

    public RiskVerdict check(RiskCheckRequest request) {
        OrderIntent intent = request.intent();
        RiskSnapshot snapshot = snapshots.loadForCheck(intent.tenantId(), intent.account(), intent.symbol());
        return overrides.apply(request, engines.get(request.kind()).evaluate(intent, snapshot));
    }

    static RiskEngine engine(RiskCheckKind kind) {
        return switch (kind) {
            case NEW_ORDER -> RiskEngine.standard();
            case MODIFY -> RiskEngine.forModify();
            case IN_FLIGHT -> RiskEngine.forInFlight();
        };
    }
}
