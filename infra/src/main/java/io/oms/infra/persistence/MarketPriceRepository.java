package io.oms.infra.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The last traded price per symbol, from IB market data (not tenant-owned, like instruments). */
@Repository
public class MarketPriceRepository {
    private final JdbcClient jdbc;

    public MarketPriceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One last price. */
    public record MarketPrice(String symbol, BigDecimal price, Instant at) {}

    /** Writes the batch; an older price never replaces a newer one. */
    public void upsertAll(Collection<MarketPrice> prices) {
        for (MarketPrice p : prices) {
            jdbc.sql("""
                            INSERT INTO market_prices (symbol, price, at) VALUES (:symbol, :price, :at)
                            ON CONFLICT (symbol) DO UPDATE SET price = excluded.price, at = excluded.at
                            WHERE market_prices.at <= excluded.at""")
                    .param("symbol", p.symbol())
                    .param("price", p.price())
                    .param("at", Timestamps.bind(p.at()))
                    .update();
        }
    }

    public java.util.Optional<MarketPrice> find(String symbol) {
        return jdbc.sql("SELECT symbol, price, at FROM market_prices WHERE symbol = :symbol")
                .param("symbol", symbol)
                .query((rs, n) -> new MarketPrice(rs.getString("symbol"), rs.getBigDecimal("price"), Timestamps.read(rs, "at")))
                .optional();
    }
}
