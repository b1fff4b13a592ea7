package io.oms.api.protection;

import io.oms.infra.security.TenantProtectionRepository.RateLimitOverride;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/** A tenant's protection settings as the request path needs them. An empty allowlist allows any address. */
record TenantProtection(List<CidrBlock> allowlist, Optional<RateLimitOverride> rateLimit) {
    TenantProtection {
        allowlist = List.copyOf(allowlist);
    }

    /** True when the list is empty or one of its networks holds the address; a non-literal address never matches. */
    boolean allows(String clientAddress) {
        if (allowlist.isEmpty()) return true;
        Optional<InetAddress> address = CidrBlock.literal(clientAddress);
        return address.isPresent() && allowlist.stream().anyMatch(block -> block.contains(address.get()));
    }
}
