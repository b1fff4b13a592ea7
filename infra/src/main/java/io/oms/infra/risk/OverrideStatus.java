package io.oms.infra.risk;

/**
 * Where an override stands at a given moment. Expiry is not stored: an override past its {@code expiresAt} is
 * EXPIRED from then on, read-time. Revoked and used win over expired (they happened first or stay what they were).
 */
public enum OverrideStatus {
    ACTIVE,
    USED,
    EXPIRED,
    REVOKED
}
