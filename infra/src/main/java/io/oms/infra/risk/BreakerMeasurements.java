package io.oms.infra.risk;

import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.PnlRepository.DayActivity;
import io.oms.infra.persistence.Timestamps;
import io.oms.infra.persistence.ValuedPosition;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Measures a breaker's figure in PostgreSQL over (since, now]: see {@link BreakerKind} and docs/kill-switches.md
 * ("Circuit breakers") for what each one counts. ACCOUNT scope reads that account only.
 */
@Repository
public class BreakerMeasurements {
    private final JdbcClient jdbc;
    private final PnlRepository pnl;

    public BreakerMeasurements(JdbcClient jdbc, PnlRepository pnl) {
        this.jdbc = jdbc;
        this.pnl = pnl;
    }

    /** {@code minLatencySamples}: BROKER_LATENCY judges nothing on fewer acknowledgements than that. */
    public BreakerMeasurement measure(CircuitBreaker b, Instant since, Instant now, int minLatencySamples) {
        Optional<String> account = CircuitBreaker.ACCOUNT.equals(b.scope()) ? Optional.of(b.account()) : Optional.empty();
        return switch (b.kind()) {
            case LOSS -> loss(b.tenantId(), account, since, now);
            case REJECT_STORM -> rejects(b.tenantId(), account, since, now);
            case BROKER_LATENCY -> latency(b.tenantId(), account, since, now, minLatencySamples);
            case REPEATED_EXECUTIONS -> repeats(b.tenantId(), account, since, now);
        };
    }

    /** Today's loss as GET /api/v1/pnl/today totals it: -(realized + unrealized - commissions), never below 0. */
    private BreakerMeasurement loss(String tenant, Optional<String> account, Instant dayStart, Instant now) {
        BigDecimal total = BigDecimal.ZERO;
        long accounts = 0;
        Instant dayEnd = dayStart.atZone(CircuitBreakerRules.NEW_YORK).toLocalDate().plusDays(1)
                .atStartOfDay(CircuitBreakerRules.NEW_YORK).toInstant();
        for (DayActivity d : pnl.activity(tenant, dayStart, dayEnd)) {
            if (account.isEmpty() || account.get().equals(d.account())) {
                total = total.add(d.realized()).subtract(d.commissions());
                accounts++;
            }
        }
        for (ValuedPosition v : pnl.valuedPositions(tenant, account)) {
            total = total.add(v.unrealizedPnl());
        }
        return new BreakerMeasurement(total.negate().max(BigDecimal.ZERO), accounts, null);
    }

    /** Orders the broker rejected; a rejection because no broker session was up is the OMS's, not the broker's. */
    private BreakerMeasurement rejects(String tenant, Optional<String> account, Instant since, Instant now) {
        long n = jdbc.sql("SELECT count(*) FROM orders WHERE tenant_id = :t AND state = 'REJECTED' "
                        + "AND updated_at > :since AND updated_at <= :now "
                        + "AND (reject_reason IS NULL OR reject_reason NOT LIKE 'BROKER_UNAVAILABLE%')"
                        + (account.isPresent() ? " AND account = :a" : ""))
                .params(params(tenant, account, since, now))
                .query(Long.class).single();
        return new BreakerMeasurement(BigDecimal.valueOf(n), n, null);
    }

    /**
     * The 90th percentile, in ms, of order created -> ROUTED (the broker's first acknowledgement, as the order's
     * audit record of {@code order.routed} times it) over the orders routed in the window. Order audit records are
     * keyed by the order's uuid, so the join is by primary key.
     */
    private BreakerMeasurement latency(String tenant, Optional<String> account, Instant since, Instant now, int minSamples) {
        return jdbc.sql("""
                        SELECT count(*) AS n,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (a.at - o.created_at)) * 1000) AS p90
                        FROM audit_log a JOIN orders o ON o.id = CAST(a.resource_id AS uuid) AND o.tenant_id = a.tenant_id
                        WHERE a.tenant_id = :t AND a.resource_type = 'order' AND a.action = 'order.routed'
                          AND a.at > :since AND a.at <= :now""" + (account.isPresent() ? " AND o.account = :a" : ""))
                .params(params(tenant, account, since, now))
                .query((rs, i) -> {
                    long n = rs.getLong("n");
                    BigDecimal p90 = rs.getBigDecimal("p90");
                    return n < minSamples || p90 == null ? BreakerMeasurement.none(n)
                            : new BreakerMeasurement(p90.setScale(0, RoundingMode.HALF_UP), n, null);
                })
                .single();
    }

    /** The (account, symbol, side) with the most distinct orders filled in the window (fills as recorded by the OMS). */
    private BreakerMeasurement repeats(String tenant, Optional<String> account, Instant since, Instant now) {
        return jdbc.sql("SELECT account, symbol, side, count(DISTINCT order_id) AS n FROM executions WHERE tenant_id = :t "
                        + "AND superseded_by IS NULL AND recorded_at > :since AND recorded_at <= :now"
                        + (account.isPresent() ? " AND account = :a" : "")
                        + " GROUP BY account, symbol, side ORDER BY n DESC, account, symbol, side LIMIT 1")
                .params(params(tenant, account, since, now))
                .query((rs, i) -> new BreakerMeasurement(BigDecimal.valueOf(rs.getLong("n")), rs.getLong("n"),
                        rs.getString("account") + " " + rs.getString("symbol") + " " + rs.getString("side")))
                .optional().orElse(new BreakerMeasurement(BigDecimal.ZERO, 0, null));
    }

    private static java.util.Map<String, Object> params(String tenant, Optional<String> account, Instant since, Instant now) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("t", tenant);
        p.put("since", Timestamps.bind(since));
        p.put("now", Timestamps.bind(now));
        account.ifPresent(a -> p.put("a", a));
        return p;
    }
}
