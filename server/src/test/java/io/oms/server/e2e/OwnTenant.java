package io.oms.server.e2e;

import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A tenant created for one test, so that counting its orders counts only that test's, with a broker account the
 * simulator does not know: its orders are answered all the same (201, one row each), rejected by the simulator.
 * The account is created SYNCED, as the reconciliation gate wants before it takes orders (TODO integrator: the
 * simulator's session never reconciles an account it does not manage; keep SYNCED, or mark it after a run).
 */
record OwnTenant(String id, String account, ApiClient api) {

    static OwnTenant create(String prefix, String name, ApplicationContext beans, ApiClient anyTenant) {
        JdbcClient jdbc = beans.getBean(JdbcClient.class);
        String tenant = prefix + UUID.randomUUID().toString().substring(0, 8);
        String account = "DU" + (1_000_000 + new Random().nextInt(8_000_000));
        beans.getBean(TenantRepository.class).ensure(tenant, name);
        jdbc.sql("INSERT INTO broker_accounts (account_code, tenant_id, connection_name, sync_state) VALUES (:a, :t, 'sim', 'SYNCED')")
                .param("a", account).param("t", tenant).update();
        String apiKey = beans.getBean(ApiKeys.class).create(tenant, "e2e-" + prefix, List.of("*"));
        return new OwnTenant(tenant, account, anyTenant.withKey(apiKey));
    }
}
