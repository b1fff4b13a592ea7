package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The risk snapshot's day P&L is a range of today's executions read from an index, not a scan of the account's
 * history. The test tables are tiny, so the planner is asked for its index plan (sequential and bitmap scans off):
 * what is checked is that the query can be answered that way, which a change to the query or the index would break.
 */
class DayPnlIndexTest {
    private final TestDb db = TestDb.get();

    @Test
    void todaysPnlIsAnIndexOnlyRangeOfTheAccountsExecutions() {
        List<String> plan = db.tx.execute(status -> {
            db.jdbc.sql("SET LOCAL enable_seqscan = off").update();
            db.jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return db.jdbc.sql("EXPLAIN " + RiskSnapshots.DAY_PNL)
                    .param("tenantId", "t").param("account", "A1")
                    .param("from", Timestamps.bind(Instant.parse("2026-12-02T05:00:00Z")))
                    .query(String.class).list();
        });
        String text = String.join("\n", plan);
        assertThat(text).contains("Index Only Scan using executions_day_pnl_idx");
        assertThat(text).containsPattern("Index Cond: .*tenant_id.*account.*executed_at >=");
    }
}
