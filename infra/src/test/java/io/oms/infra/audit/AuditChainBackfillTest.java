package io.oms.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.oms.infra.TestDb;
import io.oms.infra.db.DatabaseCreator;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Records written before migration V6 get a chain of their own, and the chainer goes on from there (V8). */
class AuditChainBackfillTest {
    private static final String URL = TestDb.URL + "_backfill";

    @Test
    void recordsFromBeforeTheChainAreBackfilledPerTenantAndNewOnesExtendIt() {
        DatabaseCreator.recreateDatabase(URL, TestDb.USER, TestDb.PASSWORD);
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(URL);
            ds.setUsername(TestDb.USER);
            ds.setPassword(TestDb.PASSWORD);
            ds.setMaximumPoolSize(2);
            Flyway.configure().dataSource(ds).target("3").load().migrate();
            JdbcClient jdbc = JdbcClient.create(ds);
            for (String[] row : new String[][] {{"01900000-0000-7000-8000-000000000001", "a", "1", "{\"b\": 1, \"a\": [1.50]}"},
                    {"01900000-0000-7000-8000-000000000002", "b", "1", null},
                    {"01900000-0000-7000-8000-000000000003", "a", "2", "{\"s\": \"ü\"}"}}) {
                jdbc.sql("""
                                INSERT INTO audit_log (id, tenant_id, at, actor, action, resource_type, resource_id,
                                                       resource_version, after)
                                VALUES (CAST(:id AS uuid), :tenant, now(), 'old', 'order.v' || :v, 'order', 'o', CAST(:v AS bigint),
                                        CAST(:after AS jsonb))""")
                        .param("id", row[0]).param("tenant", row[1]).param("v", row[2])
                        .param("after", row[3], java.sql.Types.VARCHAR).update();
            }

            Flyway.configure().dataSource(ds).load().migrate();

            AuditRepository audit = new AuditRepository(jdbc);
            AuditChainVerifier verifier = new AuditChainVerifier(audit);
            assertThat(verifier.verify("a")).isEqualTo(new ChainVerification(true, 2, 2, 0, null));
            assertThat(verifier.verify("b")).isEqualTo(new ChainVerification(true, 1, 1, 0, null));
            assertThat(audit.chainPage("a", 0, 10, 10)).extracting(AuditEntry::id).extracting(Object::toString)
                    .containsExactly("01900000-0000-7000-8000-000000000001", "01900000-0000-7000-8000-000000000003");

            audit.append(new AuditRecord("a", Instant.now(), "new", "order.v3", "order", "o", 3L, null, null, null, null, null));
            assertThat(verifier.verify("a")).isEqualTo(new ChainVerification(true, 2, 2, 1, null));
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            assertThat(new AuditChainer(tx, jdbc, 100).runOnce().linked()).isEqualTo(1);
            assertThat(verifier.verify("a")).isEqualTo(new ChainVerification(true, 3, 3, 0, null));
        }
    }
}
