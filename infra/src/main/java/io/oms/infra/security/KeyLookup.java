package io.oms.infra.security;

/**
 * What authenticating a key needs in one read: the key, whether its tenant is active, and its owner's current
 * standing in that tenant ({@code ownerRole} null when the owner has no membership there or is disabled).
 */
public record KeyLookup(ApiKeyRow key, boolean tenantActive, String ownerRole, boolean ownerSystemAdmin) {}
