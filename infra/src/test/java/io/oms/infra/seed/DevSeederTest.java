package io.oms.infra.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeyRepository;
import io.oms.infra.security.ApiKeys;
import org.junit.jupiter.api.Test;

class DevSeederTest {
    private final TestDb db = TestDb.get();
    private final BrokerDirectory brokers = new BrokerDirectory(db.jdbc);
    private final InstrumentRepository instruments = new InstrumentRepository(db.jdbc);
    private final ApiKeys apiKeys = new ApiKeys(new ApiKeyRepository(db.jdbc));
    private final DevSeeder seeder = new DevSeeder(new TenantRepository(db.jdbc), brokers, instruments, apiKeys);

    @Test
    void seedingTwiceCreatesTheDemoTenantConnectionAccountAndInstrumentsOnce() {
        seeder.seed(SeedSpec.defaults());
        DevSeed second = seeder.seed(SeedSpec.defaults());

        assertThat(new TenantRepository(db.jdbc).findName("demo")).contains("Demo tenant");
        assertThat(brokers.connection("sim")).hasValueSatisfying(c -> {
            assertThat(c.host()).isEqualTo("127.0.0.1");
            assertThat(c.port()).isEqualTo(4002);
            assertThat(c.clientId()).isEqualTo(1);
        });
        assertThat(brokers.findAccount("demo", "DU1234567")).isPresent();
        assertThat(instruments.findBySymbol("SPY")).hasValueSatisfying(i -> assertThat(i.primaryExchange()).isEqualTo("ARCA"));
        assertThat(instruments.findBySymbol("REJECT")).isPresent();
        long aapl = db.jdbc.sql("SELECT count(*) FROM instruments WHERE symbol = 'AAPL'").query(Long.class).single();
        assertThat(aapl).isEqualTo(1);

        assertThat(second.generated()).isTrue();
        assertThat(apiKeys.authenticate(second.apiKey())).hasValueSatisfying(p -> {
            assertThat(p.tenantId()).isEqualTo("demo");
            assertThat(p.scopes()).containsExactly("*");
        });
        assertThat(second.toString()).doesNotContain(second.apiKey());
    }

    @Test
    void givenBootstrapKeyIsImportedIdempotentlyAndNotReportedAsGenerated() {
        String key = "oms_" + TestDb.randomHex(4) + "_" + "Boot".repeat(8);
        DevSeed first = seeder.seed(SeedSpec.defaults().withBootstrapKey(key));
        DevSeed again = seeder.seed(SeedSpec.defaults().withBootstrapKey(key));
        assertThat(first.generated()).isFalse();
        assertThat(again.apiKey()).isEqualTo(key);
        assertThat(apiKeys.authenticate(key)).map(p -> p.tenantId()).contains("demo");
    }
}
