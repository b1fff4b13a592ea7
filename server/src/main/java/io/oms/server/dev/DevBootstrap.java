package io.oms.server.dev;

import io.oms.ib.sim.GatewaySimulator;
import io.oms.ib.sim.SimulatorConfig;
import io.oms.infra.config.BrokerProperties;
import io.oms.infra.identity.BootstrapAdmin;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.seed.DevSeed;
import io.oms.infra.seed.DevSeeder;
import io.oms.infra.seed.SeedSpec;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded defaults: the IB Gateway simulator in-process (reached over TCP through the real connector) and
 * a demo tenant with an account mapped to the simulator's and an admin API key, printed once; with
 * {@code OMS_BOOTSTRAP_ADMIN_EMAIL} and {@code OMS_BOOTSTRAP_ADMIN_PASSWORD}, also a system-admin user who is
 * ADMIN of the demo tenant (created once, idempotently).
 */
@Configuration(proxyBeanMethods = false)
public class DevBootstrap {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "oms.simulator.embedded", havingValue = "true")
    GatewaySimulator gatewaySimulator(BrokerProperties broker) throws IOException {
        GatewaySimulator simulator = new GatewaySimulator(SimulatorConfig.fromEnvironment()
                .withHost(broker.host()).withPort(broker.port()));
        simulator.start();
        return simulator;
    }

    @Bean
    @ConditionalOnProperty(name = "oms.seed-demo", havingValue = "true")
    ApplicationRunner seedDemoTenant(TenantRepository tenants, BrokerDirectory brokers, InstrumentRepository instruments,
                                     ApiKeys apiKeys, BrokerProperties broker, BootstrapAdmin admins,
                                     @Value("${oms.bootstrap-api-key:}") String bootstrapKey,
                                     @Value("${oms.bootstrap-admin-email:}") String adminEmail,
                                     @Value("${oms.bootstrap-admin-password:}") String adminPassword) {
        return args -> {
            SeedSpec spec = new SeedSpec(broker.connection(), broker.host(), broker.port(), broker.clientId(),
                    broker.account(), Optional.ofNullable(bootstrapKey).filter(k -> !k.isBlank()));
            DevSeed seed = new DevSeeder(tenants, brokers, instruments, apiKeys).seed(spec);
            boolean admin = !adminEmail.isBlank() && !adminPassword.isEmpty();
            if (!admin && (!adminEmail.isBlank() || !adminPassword.isEmpty())) {
                System.out.println(" No admin user created: set both OMS_BOOTSTRAP_ADMIN_EMAIL and OMS_BOOTSTRAP_ADMIN_PASSWORD");
            }
            if (admin) admins.ensure(adminEmail, adminPassword, DevSeeder.TENANT); // the password is never printed
            // Printed to the console once, on purpose: it is the developer's only way to learn a generated key.
            System.out.println();
            System.out.println("==============================================================");
            System.out.println(" OMS is starting: tenant 'demo', account " + broker.account() + " on connection '"
                    + broker.connection() + "'");
            System.out.println(seed.generated()
                    ? " Admin API key (shown once): " + seed.apiKey()
                    : " Admin API key: taken from OMS_BOOTSTRAP_API_KEY");
            if (admin) {
                System.out.println(" Admin user: " + adminEmail + " (password from OMS_BOOTSTRAP_ADMIN_PASSWORD);"
                        + " log in with POST /api/v1/auth/login");
            }
            System.out.println(" Try: curl -H 'Authorization: Bearer <key>' http://127.0.0.1:8080/api/v1/orders");
            System.out.println("==============================================================");
            System.out.println();
        };
    }
}
