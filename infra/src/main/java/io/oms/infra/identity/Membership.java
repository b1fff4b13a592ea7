package io.oms.infra.identity;

/** A user's role in one tenant. */
public record Membership(String tenantId, Role role) {}
