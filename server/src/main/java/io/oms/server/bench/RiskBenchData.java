package io.oms.server.bench;

import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.Timestamps;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskLimitRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The book a risk check runs against in {@code oms bench risk}: one tenant and account with the given number of
 * active limits (every limit type, over tenant, account and instrument scopes), working orders, today's filled
 * orders, positions and last prices over a set of symbols.
 */
final class RiskBenchData {
    static final String TENANT = "riskbench";
    static final String ACCOUNT = "DU0000001";
    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "SPY", "QQQ", "TSLA", "AMZN", "NVDA", "GOOGL", "META", "IBM");
    private static final LimitType[] TYPES = {LimitType.MAX_ORDER_QTY, LimitType.MAX_NOTIONAL, LimitType.PRICE_COLLAR_PCT,
            LimitType.POSITION_LIMIT, LimitType.OPEN_ORDERS, LimitType.ORDER_RATE, LimitType.DAILY_LOSS};

    private RiskBenchData() {}

    static void create(JdbcClient jdbc, int limits, int workingOrders, int filledOrders, Instant now) {
        jdbc.sql("INSERT INTO tenants (id, name) VALUES (:t, 'Risk bench')").param("t", TENANT).update();
        RiskLimitRepository repository = new RiskLimitRepository(jdbc);
        for (int i = 0; i < limits; i++) {
            LimitType type = TYPES[i % TYPES.length];
            LimitScope scope = i % 3 == 0 ? LimitScope.TENANT : i % 3 == 1 ? LimitScope.ACCOUNT : LimitScope.INSTRUMENT;
            String scopeValue = switch (scope) {
                case TENANT -> null;
                case ACCOUNT -> ACCOUNT;
                default -> SYMBOLS.get(i % SYMBOLS.size());
            };
            repository.insert(new RiskLimit(UuidV7.next(), TENANT, scope, scopeValue, type, generous(type, i),
                    type == LimitType.ORDER_RATE ? 60 + i : null, "bench", now, now));
        }
        for (int i = 0; i < workingOrders + filledOrders; i++) {
            boolean working = i < workingOrders;
            order(jdbc, "w" + i, SYMBOLS.get(i % SYMBOLS.size()), i % 2 == 0 ? "BUY" : "SELL", working ? "ROUTED" : "FILLED",
                    now.minusSeconds(working ? 3600 + i : 30 + i % 3000));
        }
        for (String symbol : SYMBOLS) {
            jdbc.sql("INSERT INTO market_prices (symbol, price, at) VALUES (:s, 100, :at)")
                    .param("s", symbol).param("at", Timestamps.bind(now)).update();
        }
    }

    /** Values no order of the benchmark breaks: every rule runs all the way (a denial would end nothing early anyway). */
    private static BigDecimal generous(LimitType type, int i) {
        return switch (type) {
            case PRICE_COLLAR_PCT -> new BigDecimal(50 + i);
            default -> new BigDecimal(1_000_000 + i);
        };
    }

    private static void order(JdbcClient jdbc, String clientOrderId, String symbol, String side, String state, Instant at) {
        jdbc.sql("""
                        INSERT INTO orders (id, tenant_id, client_order_id, account, symbol, side, type, quantity, limit_price,
                                            tif, state, filled_quantity, version, created_at, updated_at)
                        VALUES (:id, :tenant, :coid, :account, :symbol, :side, 'LMT', 10, 95, 'DAY', :state, :filled, 1, :at, :at)""")
                .param("id", UuidV7.next()).param("tenant", TENANT).param("coid", clientOrderId).param("account", ACCOUNT)
                .param("symbol", symbol).param("side", side).param("state", state)
                .param("filled", "FILLED".equals(state) ? BigDecimal.TEN : BigDecimal.ZERO).param("at", Timestamps.bind(at))
                .update();
    }
}
