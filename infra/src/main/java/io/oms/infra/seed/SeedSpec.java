package io.oms.infra.seed;

import java.util.Optional;

/**
 * What {@link DevSeeder} creates: the broker connection (name, host, port, client id), the demo tenant's
 * broker account, and optionally a given admin API key (e.g. from {@code OMS_BOOTSTRAP_API_KEY}).
 */
public record SeedSpec(
        String connectionName,
        String host,
        int port,
        int clientId,
        String accountCode,
        Optional<String> bootstrapKey) {

    public SeedSpec {
        bootstrapKey = bootstrapKey == null ? Optional.empty() : bootstrapKey.filter(k -> !k.isBlank());
    }

    /** Connection {@code sim} at 127.0.0.1:4002, client id 1, account {@code DU1234567}, no given key. */
    public static SeedSpec defaults() {
        return new SeedSpec("sim", "127.0.0.1", 4002, 1, "DU1234567", Optional.empty());
    }

    public SeedSpec withBootstrapKey(String key) {
        return new SeedSpec(connectionName, host, port, clientId, accountCode, Optional.ofNullable(key));
    }
}
