package io.oms.infra.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    private final TestDb db = TestDb.get();

    @Test
    void baselineMigrationIsAppliedSuccessfully() {
        List<String> versions = db.jdbc.sql("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")
                .query(String.class).list();
        assertThat(versions).contains("1");
    }

    @Test
    void baselineCreatesEveryLedgerTable() {
        List<String> tables = db.jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("tenants", "api_keys", "broker_connections", "broker_accounts", "instruments",
                "orders", "executions", "positions", "audit_log", "unmatched_broker_events");
    }
}
