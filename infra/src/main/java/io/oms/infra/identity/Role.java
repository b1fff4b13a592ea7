package io.oms.infra.identity;

import static io.oms.infra.identity.Scopes.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A member's role in a tenant and the scopes it grants. Each role includes the one below it:
 * Viewer reads; Trader also trades; Manager also runs risk, webhooks, brokers and strategies and reads the
 * audit trail; Admin also administers the tenant (members, invites, every API key, IP allowlist).
 */
public enum Role {
    VIEWER(List.of(AUTH_LOGIN, ORDERS_VIEW, POSITIONS_VIEW, PNL_VIEW, BROKERS_VIEW, STRATEGIES_VIEW)),
    TRADER(List.of(ORDERS_PLACE, ORDERS_CANCEL, ORDERS_MODIFY, MARKETDATA_SUBSCRIBE, STRATEGIES_RUN)),
    MANAGER(List.of(RISK_MANAGE, RISK_OVERRIDE, WEBHOOKS_MANAGE, STRATEGIES_MANAGE, BROKERS_CONNECT,
            TENANTS_MANAGE, AUDIT_VIEW)),
    ADMIN(List.of(TENANTS_ADMIN));

    private final List<String> added;

    Role(List<String> added) {
        this.added = added;
    }

    /** Every scope this role grants, its own and those of the roles below it. */
    public Set<String> scopes() {
        Set<String> all = new LinkedHashSet<>();
        for (Role r : values()) {
            all.addAll(r.added);
            if (r == this) break;
        }
        return Set.copyOf(all);
    }

    /** True when this role grants at least everything {@code other} grants. */
    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }
}
