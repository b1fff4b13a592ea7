package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The live-orders predicate lets prepared statements use orders_live_idx. */
class LiveOrdersTest {
    private final TestDb db = TestDb.get();

    @Test
    void aGenericPlanOfALiveOrdersReadCanUseThePartialIndex() throws Exception {
        try (Connection connection = db.dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // A generic plan is what a prepared statement runs after its first executions; without sequential
            // scans the planner must show which index the predicate lets it use.
            sql.execute("SET plan_cache_mode = force_generic_plan");
            sql.execute("SET enable_seqscan = off");
            sql.execute("PREPARE live_read(text, text) AS SELECT id FROM orders WHERE tenant_id = $1 AND account = $2 AND "
                    + LiveOrders.STATE_PREDICATE);
            try {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = sql.executeQuery("EXPLAIN EXECUTE live_read('t', 'DU1')")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString()).contains("orders_live_idx");
            } finally {
                sql.execute("DEALLOCATE live_read");
                sql.execute("RESET plan_cache_mode");
                sql.execute("RESET enable_seqscan");
            }
        }
    }
}
