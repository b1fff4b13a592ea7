package io.oms.api.killswitch;

/** The request bodies of the kill-switch endpoints. */
final class KillSwitchBodies {
    private KillSwitchBodies() {}

    /** {@code POST /api/v1/kill-switches}; scopeId may be omitted for TENANT (the caller's) and GLOBAL. */
    record Engage(String scope, String scopeId, String state, String reasonCode, String reason) {}

    /** {@code POST /api/v1/kill-switches/release}. */
    record Release(String scope, String scopeId, String reason) {}
}
