package io.oms.workflows.killswitch;

import java.util.Objects;

/** One switch: the tenant it belongs to ({@link KillSwitchContract#SYSTEM_TENANT} for the global one), its scope and id. */
public record KillSwitchKey(String tenantId, KillSwitchScope scope, String scopeId) {
    public KillSwitchKey {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(scopeId, "scopeId");
    }

    public static KillSwitchKey global() {
        return new KillSwitchKey(KillSwitchContract.SYSTEM_TENANT, KillSwitchScope.GLOBAL, KillSwitchContract.GLOBAL_ID);
    }
}
