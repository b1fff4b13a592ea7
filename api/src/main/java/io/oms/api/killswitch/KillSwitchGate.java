package io.oms.api.killswitch;

import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.workflows.killswitch.KillSwitchContract;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The order path's check against the kill switches: the engaged switches (all tenants, few rows) are read at
 * most once per {@link #MAX_AGE_MILLIS}, so another API node sees an engagement within a second; this node drops
 * its cache at once after an engage or release it carried out.
 */
@ApiRole
@Component
public class KillSwitchGate {
    static final long MAX_AGE_MILLIS = 1_000;

    private record Snapshot(long loadedAt, List<KillSwitchRow> engaged) {}

    private final KillSwitchRepository switches;
    private final Clock clock;
    private volatile Snapshot snapshot;

    @Autowired
    public KillSwitchGate(KillSwitchRepository switches) {
        this(switches, Clock.systemUTC());
    }

    KillSwitchGate(KillSwitchRepository switches, Clock clock) {
        this.switches = switches;
        this.clock = clock;
    }

    /**
     * The switch that blocks this order, if any: a HALTED one in any matching scope (global, tenant, account,
     * strategy when given) before a REDUCING one, which blocks only when the order does not reduce exposure
     * ({@code reducesExposure} is asked only then).
     */
    public Optional<KillSwitchRow> check(String tenantId, String account, String strategy, BooleanSupplier reducesExposure) {
        List<KillSwitchRow> matching = engaged().stream().filter(row -> covers(row, tenantId, account, strategy)).toList();
        Optional<KillSwitchRow> halted = matching.stream().filter(r -> "HALTED".equals(r.state())).findFirst();
        if (halted.isPresent()) {
            return halted;
        }
        Optional<KillSwitchRow> reducing = matching.stream().filter(r -> "REDUCING".equals(r.state())).findFirst();
        return reducing.isPresent() && !reducesExposure.getAsBoolean() ? reducing : Optional.empty();
    }

    public void invalidate() {
        snapshot = null;
    }

    private List<KillSwitchRow> engaged() {
        Snapshot current = snapshot;
        long now = clock.millis();
        if (current == null || now - current.loadedAt() >= MAX_AGE_MILLIS) {
            current = new Snapshot(now, switches.engaged());
            snapshot = current;
        }
        return current.engaged();
    }

    private static boolean covers(KillSwitchRow row, String tenantId, String account, String strategy) {
        return switch (row.scope()) {
            case "GLOBAL" -> KillSwitchContract.SYSTEM_TENANT.equals(row.tenantId());
            case "TENANT" -> row.tenantId().equals(tenantId);
            case "ACCOUNT" -> row.tenantId().equals(tenantId) && row.scopeId().equals(account);
            case "STRATEGY" -> row.tenantId().equals(tenantId) && row.scopeId().equals(strategy);
            default -> false;
        };
    }
}
