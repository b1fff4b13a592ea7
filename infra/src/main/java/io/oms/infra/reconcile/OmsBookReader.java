package io.oms.infra.reconcile;

import io.oms.infra.persistence.LiveOrders;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.infra.persistence.Timestamps;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The OMS's side of a comparison: an account's orders, recorded executions and position book. */
@Repository
public class OmsBookReader {
    private static final String COLUMNS = "id, client_order_id, symbol, side, state, quantity, filled_quantity, "
            + "broker_order_id, perm_id, origin, created_at";
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final PositionRepository positions;

    public OmsBookReader(JdbcClient jdbc, PositionRepository positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    public List<OmsOrder> liveOrders(String tenantId, String account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :t AND account = :a AND " + LiveOrders.STATE_PREDICATE)
                .param("t", tenantId).param("a", account)
                .query(OmsBookReader::map)
                .list();
    }

    public Optional<OmsOrder> order(String tenantId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :t AND id = :id")
                .param("t", tenantId).param("id", id)
                .query(OmsBookReader::map)
                .optional();
    }

    /** The tenant's orders of these client order ids, by client order id. */
    public Map<String, OmsOrder> byClientOrderIds(String tenantId, Collection<String> clientOrderIds) {
        Map<String, OmsOrder> found = new HashMap<>();
        for (List<String> chunk : chunks(clientOrderIds)) {
            jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE tenant_id = :t AND client_order_id IN (:ids)")
                    .param("t", tenantId).param("ids", chunk)
                    .query(OmsBookReader::map)
                    .list()
                    .forEach(o -> found.put(o.clientOrderId(), o));
        }
        return found;
    }

    /** Which of these exec ids the account's ledger has recorded (any revision counts only as itself). */
    public Set<String> knownExecIds(String account, Collection<String> execIds) {
        Set<String> known = new HashSet<>();
        for (List<String> chunk : chunks(execIds)) {
            known.addAll(jdbc.sql("SELECT exec_id FROM executions WHERE account = :a AND exec_id IN (:ids)")
                    .param("a", account).param("ids", chunk)
                    .query(String.class)
                    .list());
        }
        return known;
    }

    public long executionsSince(String tenantId, String account, java.time.Instant since) {
        return jdbc.sql("SELECT count(*) FROM executions WHERE tenant_id = :t AND account = :a AND executed_at > :since")
                .param("t", tenantId).param("a", account).param("since", Timestamps.bind(since))
                .query(Long.class).single();
    }

    /** The position book (what the OMS shows), by symbol. */
    public Map<String, PositionRow> book(String tenantId, String account) {
        Map<String, PositionRow> book = new HashMap<>();
        positions.list(tenantId, Optional.of(account)).forEach(p -> book.put(p.symbol(), p));
        return book;
    }

    /** Positions derived afresh from the effective (latest-revision) executions, by symbol. */
    public Map<String, BigDecimal> derivedPositions(String tenantId, String account) {
        Map<String, BigDecimal> derived = new HashMap<>();
        jdbc.sql("""
                        SELECT symbol, SUM(CASE WHEN side = 'BUY' THEN quantity ELSE -quantity END) AS qty FROM executions
                        WHERE tenant_id = :t AND account = :a AND superseded_by IS NULL GROUP BY symbol""")
                .param("t", tenantId).param("a", account)
                .query((rs, n) -> derived.put(rs.getString("symbol"), rs.getBigDecimal("qty")))
                .list();
        return derived;
    }

    private static List<List<String>> chunks(Collection<String> all) {
        List<String> list = List.copyOf(all);
        List<List<String>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i += CHUNK) {
            chunks.add(list.subList(i, Math.min(list.size(), i + CHUNK)));
        }
        return chunks;
    }

    private static OmsOrder map(ResultSet rs, int n) throws SQLException {
        return new OmsOrder(rs.getObject("id", UUID.class), rs.getString("client_order_id"), rs.getString("symbol"),
                rs.getString("side"), rs.getString("state"), rs.getBigDecimal("quantity"),
                rs.getBigDecimal("filled_quantity"), rs.getObject("broker_order_id", Integer.class),
                rs.getObject("perm_id", Long.class), rs.getString("origin"), Timestamps.read(rs, "created_at"));
    }
}
