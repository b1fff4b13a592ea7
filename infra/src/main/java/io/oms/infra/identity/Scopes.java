package io.oms.infra.identity;

import java.util.List;
import java.util.Set;

/**
 * The closed vocabulary of permissions (the blueprint's appendix A, plus {@code audit:view}). Roles grant
 * them ({@link Role}); API keys carry a subset of their owner's; every {@code /api/v1} endpoint requires one
 * (see the API's access rules). {@link #ALL} ({@code *}) is held only by bootstrap keys.
 */
public final class Scopes {
    public static final String ALL = "*";

    public static final String AUTH_LOGIN = "auth:login";
    public static final String TENANTS_ADMIN = "tenants:admin";
    public static final String TENANTS_MANAGE = "tenants:manage";
    public static final String BROKERS_CONNECT = "brokers:connect";
    public static final String BROKERS_VIEW = "brokers:view";
    public static final String ORDERS_PLACE = "orders:place";
    public static final String ORDERS_CANCEL = "orders:cancel";
    public static final String ORDERS_MODIFY = "orders:modify";
    public static final String ORDERS_VIEW = "orders:view";
    public static final String POSITIONS_VIEW = "positions:view";
    public static final String PNL_VIEW = "pnl:view";
    public static final String STRATEGIES_MANAGE = "strategies:manage";
    public static final String STRATEGIES_RUN = "strategies:run";
    public static final String STRATEGIES_VIEW = "strategies:view";
    public static final String RISK_OVERRIDE = "risk:override";
    public static final String RISK_MANAGE = "risk:manage";
    public static final String MARKETDATA_SUBSCRIBE = "marketdata:subscribe";
    public static final String WEBHOOKS_MANAGE = "webhooks:manage";
    public static final String AUDIT_VIEW = "audit:view";
    /** Tenant CRUD across the whole installation: system administrators only, never a tenant role. */
    public static final String SYSTEM_ADMIN = "system:admin";

    /** Every named scope, in the order documentation lists them. */
    public static final List<String> NAMED = List.of(AUTH_LOGIN, TENANTS_ADMIN, TENANTS_MANAGE, BROKERS_CONNECT,
            BROKERS_VIEW, ORDERS_PLACE, ORDERS_CANCEL, ORDERS_MODIFY, ORDERS_VIEW, POSITIONS_VIEW, PNL_VIEW,
            STRATEGIES_MANAGE, STRATEGIES_RUN, STRATEGIES_VIEW, RISK_OVERRIDE, RISK_MANAGE, MARKETDATA_SUBSCRIBE,
            WEBHOOKS_MANAGE, AUDIT_VIEW, SYSTEM_ADMIN);

    private static final Set<String> KNOWN = Set.copyOf(NAMED);

    private Scopes() {}

    /** True for a named scope or {@link #ALL}. */
    public static boolean isKnown(String scope) {
        return ALL.equals(scope) || KNOWN.contains(scope);
    }
}
