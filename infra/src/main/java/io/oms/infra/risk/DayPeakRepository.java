package io.oms.infra.risk;

import io.oms.infra.persistence.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The highest day P&L seen per (tenant, account, New York trading date), table {@code risk_day_peaks}: what the
 * trailing drawdown is measured from. It is only ever raised, never lowered, so concurrent writers cannot undo each
 * other.
 */
@Repository
public class DayPeakRepository {
    private final JdbcClient jdbc;

    public DayPeakRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Raises the day's peak to {@code pnl} when it is higher (or records it when there is none). */
    public void raise(String tenantId, String account, LocalDate tradingDate, BigDecimal pnl, Instant now) {
        jdbc.sql("""
                        INSERT INTO risk_day_peaks (tenant_id, account, trading_date, peak_pnl, updated_at)
                        VALUES (:tenantId, :account, :date, :pnl, :now)
                        ON CONFLICT (tenant_id, account, trading_date) DO UPDATE
                        SET peak_pnl = GREATEST(risk_day_peaks.peak_pnl, EXCLUDED.peak_pnl), updated_at = EXCLUDED.updated_at
                        WHERE EXCLUDED.peak_pnl > risk_day_peaks.peak_pnl""")
                .param("tenantId", tenantId).param("account", account).param("date", tradingDate)
                .param("pnl", pnl).param("now", Timestamps.bind(now))
                .update();
    }

    public Optional<BigDecimal> find(String tenantId, String account, LocalDate tradingDate) {
        return jdbc.sql("SELECT peak_pnl FROM risk_day_peaks WHERE tenant_id = :tenantId AND account = :account "
                        + "AND trading_date = :date")
                .param("tenantId", tenantId).param("account", account).param("date", tradingDate)
                .query(BigDecimal.class).optional();
    }
}
