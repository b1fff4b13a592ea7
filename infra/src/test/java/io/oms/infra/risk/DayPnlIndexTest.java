package io.oms.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import org.junit.jupiter.api.Test;

/**
 * The risk snapshot's day P&L must stay answerable from {@code executions_day_pnl_idx} alone, as a range of today's
 * executions, not a scan of the account's history. The planner's choice among equally cheap indexes of the tiny
 * test tables is not stable, so this compares the query with the index's own definition instead of a plan: a change
 * to either that breaks the covering fails here.
 */
class DayPnlIndexTest {
    private final TestDb db = TestDb.get();

    @Test
    void theDayPnlQueryIsCoveredByItsIndex() {
        String index = db.jdbc.sql("SELECT pg_get_indexdef('executions_day_pnl_idx'::regclass)").query(String.class).single();
        assertThat(index).contains("(tenant_id, account, executed_at) INCLUDE (realized_pnl, commission)")
                .endsWith("WHERE (superseded_by IS NULL)");

        String query = RiskSnapshots.DAY_PNL.replaceAll("\\s+", " ");
        assertThat(query).contains("SUM(realized_pnl)").contains("SUM(commission)")
                .contains("WHERE tenant_id = :tenantId AND account = :account AND superseded_by IS NULL AND executed_at >= :from");
        assertThat(query.replaceAll("SUM\\((realized_pnl|commission)\\)", ""))
                .as("no other column of executions is read, so the index alone answers")
                .doesNotContainPattern("\\b(quantity|price|symbol|exec_id|commission_currency)\\b");
    }
}
