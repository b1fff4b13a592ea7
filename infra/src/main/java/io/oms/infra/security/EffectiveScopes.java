package io.oms.infra.security;

import io.oms.infra.identity.Role;
import io.oms.infra.identity.Scopes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a key may do right now. A key without owner carries exactly its scopes. A key with an owner carries its
 * scopes intersected with what the owner holds today (the role of their membership in the key's tenant, plus
 * {@code system:admin} for system administrators): demoting the owner shrinks the key at its next use, and an
 * owner without membership (removed, or disabled) leaves the key nothing, so it does not authenticate at all.
 */
public final class EffectiveScopes {
    private EffectiveScopes() {}

    /** Empty when the key must not authenticate (its owner no longer belongs to the tenant). */
    public static Optional<List<String>> of(KeyLookup lookup) {
        List<String> granted = lookup.key().scopes();
        if (lookup.key().ownerUserId() == null) {
            return Optional.of(granted);
        }
        if (lookup.ownerRole() == null) {
            return Optional.empty();
        }
        Set<String> owner = new LinkedHashSet<>(Role.valueOf(lookup.ownerRole()).scopes());
        if (lookup.ownerSystemAdmin()) {
            owner.add(Scopes.SYSTEM_ADMIN);
        }
        if (granted.contains(Scopes.ALL)) {
            return Optional.of(Scopes.NAMED.stream().filter(owner::contains).toList());
        }
        return Optional.of(granted.stream().filter(owner::contains).toList());
    }
}
