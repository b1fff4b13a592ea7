package io.oms.infra.identity;

/** The outcome of changing or ending a membership. */
public enum MembershipChange {
    DONE,
    NOT_FOUND,
    /** Refused: the tenant would be left without an admin. */
    LAST_ADMIN
}
