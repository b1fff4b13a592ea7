package io.oms.infra.persistence;

import io.oms.infra.ids.UuidV7;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instrument master (not tenant-owned). */
@Repository
public class InstrumentRepository {
    private final JdbcClient jdbc;

    public InstrumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SELECT =
            "SELECT id, symbol, sec_type, exchange, primary_exchange, currency, tick_size, con_id FROM instruments ";
    private static final RowMapper<InstrumentRow> ROW = (rs, n) -> new InstrumentRow(
            rs.getObject("id", UUID.class),
            rs.getString("symbol"),
            rs.getString("sec_type"),
            rs.getString("exchange"),
            rs.getString("primary_exchange"),
            rs.getString("currency"),
            rs.getBigDecimal("tick_size"),
            rs.getObject("con_id", Long.class));

    /** The instrument with this symbol, preferring a USD stock when several share the symbol. */
    public Optional<InstrumentRow> findBySymbol(String symbol) {
        return jdbc.sql(SELECT + """
                        WHERE symbol = :symbol
                        ORDER BY (sec_type = 'STK') DESC, (currency = 'USD') DESC, id LIMIT 1""")
                .param("symbol", symbol)
                .query(ROW)
                .optional();
    }

    /** Every instrument, by symbol. */
    public List<InstrumentRow> listAll() {
        return jdbc.sql(SELECT + "ORDER BY symbol, id").query(ROW).list();
    }

    /** Creates a stock on SMART unless (symbol, STK, currency) exists. True when created. */
    public boolean ensureStock(String symbol, String primaryExchange, String currency, BigDecimal tickSize) {
        return jdbc.sql("""
                        INSERT INTO instruments (id, symbol, sec_type, exchange, primary_exchange, currency, tick_size)
                        VALUES (:id, :symbol, 'STK', 'SMART', :primary, :currency, :tick)
                        ON CONFLICT (symbol, sec_type, currency) DO NOTHING""")
                .param("id", UuidV7.next())
                .param("symbol", symbol)
                .param("primary", primaryExchange)
                .param("currency", currency)
                .param("tick", tickSize)
                .update() == 1;
    }
}
