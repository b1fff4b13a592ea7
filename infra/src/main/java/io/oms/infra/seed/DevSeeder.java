package io.oms.infra.seed;

import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Seeds a development database: tenant {@code demo}, a broker connection and account, the instruments the
 * simulator quotes, and an admin API key. Every step is idempotent except that, without a bootstrap key,
 * each run creates a fresh admin key (the old ones keep working).
 */
public class DevSeeder {
    public static final String TENANT = "demo";
    public static final String TENANT_NAME = "Demo tenant";
    public static final String ADMIN_KEY_NAME = "bootstrap admin";

    /** Symbol to primary exchange; all STK on SMART in USD with tick 0.01. */
    static final Map<String, String> INSTRUMENTS = Map.ofEntries(
            Map.entry("AAPL", "NASDAQ"),
            Map.entry("MSFT", "NASDAQ"),
            Map.entry("SPY", "ARCA"),
            Map.entry("QQQ", "NASDAQ"),
            Map.entry("TSLA", "NASDAQ"),
            Map.entry("AMZN", "NASDAQ"),
            Map.entry("NVDA", "NASDAQ"),
            Map.entry("GOOGL", "NASDAQ"),
            Map.entry("META", "NASDAQ"),
            Map.entry("IBM", "NYSE"),
            Map.entry("REJECT", "NYSE"));

    private static final BigDecimal TICK = new BigDecimal("0.01");

    private final TenantRepository tenants;
    private final BrokerDirectory brokers;
    private final InstrumentRepository instruments;
    private final ApiKeys apiKeys;

    public DevSeeder(TenantRepository tenants, BrokerDirectory brokers, InstrumentRepository instruments, ApiKeys apiKeys) {
        this.tenants = tenants;
        this.brokers = brokers;
        this.instruments = instruments;
        this.apiKeys = apiKeys;
    }

    public DevSeed seed(SeedSpec spec) {
        tenants.ensure(TENANT, TENANT_NAME);
        brokers.ensureConnection(spec.connectionName(), spec.host(), spec.port(), spec.clientId());
        brokers.ensureAccount(TENANT, spec.accountCode(), spec.connectionName());
        INSTRUMENTS.forEach((symbol, primary) -> instruments.ensureStock(symbol, primary, "USD", TICK));
        if (spec.bootstrapKey().isPresent()) {
            String key = spec.bootstrapKey().get();
            apiKeys.ensure(TENANT, ADMIN_KEY_NAME, key, List.of("*"));
            return new DevSeed(key, false);
        }
        return new DevSeed(apiKeys.create(TENANT, ADMIN_KEY_NAME, List.of("*")), true);
    }
}
