package io.oms.infra.reconcile;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Position drift kept for a person: one unresolved discrepancy per (tenant, account, symbol), refreshed by every run
 * that still finds it and RESOLVED by the first run that finds the position in agreement.
 */
@Repository
public class DiscrepancyWriter {
    public record Drift(String symbol, BigDecimal omsQty, BigDecimal derivedQty, BigDecimal brokerQty,
                        BigDecimal omsAvgCost, BigDecimal brokerAvgCost) {}

    private final JdbcClient jdbc;

    public DiscrepancyWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens a discrepancy or refreshes the unresolved one; true when it is new (and so to be alerted). */
    public boolean openOrRefresh(String tenantId, String account, Drift d, UUID runId, Instant at) {
        int refreshed = jdbc.sql("""
                        UPDATE reconciliation_discrepancies SET oms_qty = :oms, derived_qty = :derived, broker_qty = :broker,
                               oms_avg_cost = :omsCost, broker_avg_cost = :brokerCost, last_run_id = :run, updated_at = :at
                        WHERE tenant_id = :t AND account_code = :a AND symbol = :s AND status <> 'RESOLVED'""")
                .param("t", tenantId).param("a", account).param("s", d.symbol())
                .param("oms", d.omsQty()).param("derived", d.derivedQty()).param("broker", d.brokerQty())
                .param("omsCost", d.omsAvgCost(), Types.NUMERIC).param("brokerCost", d.brokerAvgCost(), Types.NUMERIC)
                .param("run", runId).param("at", Timestamps.bind(at))
                .update();
        if (refreshed > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO reconciliation_discrepancies (id, tenant_id, account_code, symbol, status, oms_qty, derived_qty,
                                                                  broker_qty, oms_avg_cost, broker_avg_cost, first_run_id,
                                                                  last_run_id, opened_at, updated_at)
                        VALUES (:id, :t, :a, :s, 'OPEN', :oms, :derived, :broker, :omsCost, :brokerCost, :run, :run, :at, :at)""")
                .param("id", UuidV7.next()).param("t", tenantId).param("a", account).param("s", d.symbol())
                .param("oms", d.omsQty()).param("derived", d.derivedQty()).param("broker", d.brokerQty())
                .param("omsCost", d.omsAvgCost(), Types.NUMERIC).param("brokerCost", d.brokerAvgCost(), Types.NUMERIC)
                .param("run", runId).param("at", Timestamps.bind(at))
                .update();
        return true;
    }

    /** Resolves the account's unresolved discrepancies whose symbol is not among those still drifting; the count. */
    public int resolveOthers(String tenantId, String account, Collection<String> stillDrifting, UUID runId, Instant at) {
        var update = jdbc.sql("""
                        UPDATE reconciliation_discrepancies SET status = 'RESOLVED', resolved_at = :at, updated_at = :at,
                               last_run_id = :run
                        WHERE tenant_id = :t AND account_code = :a AND status <> 'RESOLVED'"""
                        + (stillDrifting.isEmpty() ? "" : " AND symbol NOT IN (:symbols)"))
                .param("t", tenantId).param("a", account).param("run", runId).param("at", Timestamps.bind(at));
        if (!stillDrifting.isEmpty()) {
            update = update.param("symbols", java.util.List.copyOf(stillDrifting));
        }
        return update.update();
    }
}
