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
 * The account starts PENDING like any new account and is reconciled through the API before the test uses it (the
 * run finds the session does not manage it and lets its orders through, to be rejected by IB).
 */
record OwnTenant(String id, String account, ApiClient api) {

    static OwnTenant create(String prefix, String name, ApplicationContext beans, ApiClient anyTenant) {
        JdbcClient jdbc = beans.getBean(JdbcClient.class);
        String tenant = prefix + UUID.randomUUID().toString().substring(0, 8);
        String account = "DU" + (1_000_000 + new Random().nextInt(8_000_000));
        beans.getBean(TenantRepository.class).ensure(tenant, name);
        jdbc.sql("INSERT INTO broker_accounts (account_code, tenant_id, connection_name) VALUES (:a, :t, 'sim')")
                .param("a", account).param("t", tenant).update();
        String apiKey = beans.getBean(ApiKeys.class).create(tenant, "e2e-" + prefix, List.of("*"));
        OwnTenant own = new OwnTenant(tenant, account, anyTenant.withKey(apiKey));
        own.addAccount(beans, account);
        return own;
    }

    /** Reconciles an account of this tenant (inserting it first unless it is the tenant's own). */
    void addAccount(ApplicationContext beans, String code) {
        if (!code.equals(account)) {
            beans.getBean(JdbcClient.class)
                    .sql("INSERT INTO broker_accounts (account_code, tenant_id, connection_name) VALUES (:a, :t, 'sim')")
                    .param("a", code).param("t", id).update();
        }
        AccountSync.reconcile(beans, code);
    }
}
