package io.oms.infra.risk;

import io.oms.infra.persistence.LiveOrders;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.Timestamps;
import io.oms.infra.persistence.ValuedPosition;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the {@link RiskSnapshot} of (tenant, account, symbol) in one read-only REPEATABLE READ transaction: every
 * query sees the same committed state, so a fill landing between two of them cannot count twice or not at all.
 * Then, in a short write transaction of its own, it raises the day's recorded peak P&L to the P&L it saw (the
 * trailing drawdown is measured from that peak).
 */
@Repository
public class RiskSnapshots {
    /** The least look-back for recent orders (the duplicate check is off without a DUPLICATE_WINDOW limit). */
    static final long MIN_LOOK_BACK_SECONDS = 5;
    /** Bounds on what one snapshot reads; an account beyond them is far past any sensible limit anyway. */
    static final int MAX_ORDERS = 10_000;
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /**
     * Today's realized P&L and commissions of an account: a range of {@code executions_day_pnl_idx}, read from the
     * index alone, so its cost is today's executions, not the account's whole history.
     */
    static final String DAY_PNL = """
            SELECT COALESCE(SUM(realized_pnl), 0) AS realized, COALESCE(SUM(commission), 0) AS commissions
            FROM executions WHERE tenant_id = :tenantId AND account = :account AND superseded_by IS NULL
            AND executed_at >= :from""";
    private static final String ORDER_COLUMNS =
            "client_order_id, symbol, side, type, quantity, quantity - filled_quantity AS remaining, limit_price, state, created_at, "
            + "strategy, placed_by";

    private final JdbcClient jdbc;
    private final RiskLimitRepository limits;
    private final PnlRepository pnl;
    private final TransactionTemplate tx;
    private final TransactionTemplate writeTx;
    private final DayPeakRepository peaks;
    private final Clock clock;

    @Autowired
    public RiskSnapshots(JdbcClient jdbc, RiskLimitRepository limits, PnlRepository pnl, TransactionTemplate tx) {
        this(jdbc, limits, pnl, tx, Clock.systemUTC());
    }

    public RiskSnapshots(JdbcClient jdbc, RiskLimitRepository limits, PnlRepository pnl, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.pnl = pnl;
        this.clock = clock;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.tx.setReadOnly(true);
        this.writeTx = new TransactionTemplate(tx.getTransactionManager());
        this.peaks = new DayPeakRepository(jdbc);
    }

    /**
     * The whole snapshot for an order in {@code symbol}, or account-wide (no price, no restriction) when it is null:
     * every figure, whichever limits exist (risk status shows them all).
     */
    public RiskSnapshot load(String tenantId, String account, String symbol) {
        return load(tenantId, account, symbol, true);
    }

    /**
     * The snapshot a pre-trade check needs: the figures the tenant's limit types can read, and no more. Positions and
     * today's P&L only under a position, loss, drawdown, leverage or concentration limit; recent orders only under an
     * order-rate or duplicate-window limit; prices only under a notional, collar, leverage or concentration limit;
     * the day's peak (read and raised) only under a drawdown limit. Restrictions and working orders always. A figure
     * not read is empty (zero, null), and the rules that would read it have no limit to apply, so the verdict is
     * the full snapshot's.
     */
    public RiskSnapshot loadForCheck(String tenantId, String account, String symbol) {
        return load(tenantId, account, symbol, false);
    }

    private RiskSnapshot load(String tenantId, String account, String symbol, boolean everything) {
        Instant now = clock.instant();
        Loaded loaded = tx.execute(status -> read(tenantId, account, symbol, now, everything));
        RiskSnapshot snapshot = loaded.snapshot();
        if (loaded.newPeak()) {
            // Outside the snapshot's transaction, which stays read-only and short; GREATEST keeps a concurrent higher peak.
            writeTx.executeWithoutResult(status -> peaks.raise(tenantId, account, tradingDate(now), snapshot.dayPnl(), now));
        }
        return snapshot;
    }

    /** A snapshot, and whether its day P&L is above the recorded peak (or none is recorded yet). */
    private record Loaded(RiskSnapshot snapshot, boolean newPeak) {}

    /** The New York trading date of an instant: the day the day's P&L and its peak belong to. */
    public static LocalDate tradingDate(Instant at) {
        return at.atZone(NEW_YORK).toLocalDate();
    }

    /** True when the account is one of the tenant's broker accounts. */
    public boolean ownsAccount(String tenantId, String account) {
        return jdbc.sql("SELECT count(*) FROM broker_accounts WHERE tenant_id = :tenantId AND account_code = :account")
                .param("tenantId", tenantId).param("account", account).query(Integer.class).single() > 0;
    }

    private Loaded read(String tenantId, String account, String symbol, Instant now, boolean everything) {
        List<RiskLimit> tenantLimits = limits.list(tenantId);
        Reads reads = everything ? Reads.ALL : Reads.of(tenantLimits);
        List<HeldPosition> positions = !reads.positions() ? List.of()
                : pnl.valuedPositions(tenantId, Optional.of(account)).stream().map(RiskSnapshots::held).toList();
        // The orders the broker may still fill: they count toward limits from the moment they exist.
        List<SnapshotOrder> working = jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders WHERE tenant_id = :tenantId "
                        + "AND account = :account AND " + LiveOrders.STATE_PREDICATE + " ORDER BY created_at, id LIMIT " + MAX_ORDERS)
                .param("tenantId", tenantId).param("account", account)
                .query(RiskSnapshots::order).list();
        List<SnapshotOrder> recent = !reads.recentOrders() ? List.of() : jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders WHERE tenant_id = :tenantId "
                        + "AND account = :account AND created_at > :since ORDER BY created_at, id LIMIT " + MAX_ORDERS)
                .param("tenantId", tenantId).param("account", account)
                .param("since", Timestamps.bind(now.minusSeconds(lookBackSeconds(tenantLimits))))
                .query(RiskSnapshots::order).list();
        List<SnapshotOrder> ownerOrders = reads.recentOrders() ? ownerOrders(tenantId, tenantLimits, now) : List.of();
        Instant dayStart = now.atZone(NEW_YORK).toLocalDate().atStartOfDay(NEW_YORK).toInstant();
        BigDecimal[] today = !reads.dayPnl() ? new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO} : jdbc.sql(DAY_PNL)
                .param("tenantId", tenantId).param("account", account).param("from", Timestamps.bind(dayStart))
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("realized"), rs.getBigDecimal("commissions")})
                .single();
        BigDecimal lastPrice = null;
        String restriction = null;
        String secType = null;
        if (symbol != null) {
            // The instrument an order in the symbol trades, chosen as the instrument master resolves a symbol.
            secType = !reads.secType() ? null : jdbc.sql("SELECT sec_type FROM instruments WHERE symbol = :symbol "
                            + "ORDER BY (sec_type = 'STK') DESC, (currency = 'USD') DESC, id LIMIT 1")
                    .param("symbol", symbol).query(String.class).optional().orElse(null);
            lastPrice = !reads.prices() ? null : jdbc.sql("SELECT price FROM market_prices WHERE symbol = :symbol")
                    .param("symbol", symbol).query(BigDecimal.class).optional().orElse(null);
            restriction = jdbc.sql("SELECT COALESCE(reason, '') FROM restricted_symbols WHERE tenant_id = :tenantId "
                            + "AND symbol = :symbol")
                    .param("tenantId", tenantId).param("symbol", symbol).query(String.class).optional().orElse(null);
        }
        String accountRestriction = jdbc.sql("SELECT COALESCE(reason, '') FROM restricted_accounts WHERE tenant_id = :tenantId "
                        + "AND account = :account")
                .param("tenantId", tenantId).param("account", account).query(String.class).optional().orElse(null);
        RiskSnapshot partial = new RiskSnapshot(tenantId, account, symbol, now, tenantLimits, positions, working, recent,
                lastPrice, restriction, today[0], today[1], null, secType, accountRestriction,
                accountEquity(tenantLimits, account), reads.prices() ? prices(positions, working, symbol) : Map.of(),
                ownerOrders);
        if (!reads.dayPeak()) {
            return new Loaded(partial, false);
        }
        Optional<BigDecimal> storedPeak = peaks.find(tenantId, account, tradingDate(now));
        BigDecimal current = partial.dayPnl();
        boolean newPeak = storedPeak.isEmpty() || current.compareTo(storedPeak.get()) > 0;
        return new Loaded(new RiskSnapshot(tenantId, account, symbol, now, tenantLimits, positions, working, recent,
                lastPrice, restriction, today[0], today[1], newPeak ? current : storedPeak.get(), secType,
                accountRestriction, partial.accountEquity(), partial.prices(), ownerOrders), newPeak);
    }

    /**
     * The tenant's recent orders, in any account, of the strategies and users its STRATEGY and USER order-rate limits
     * name (within the longest such period); none without such limits.
     */
    private List<SnapshotOrder> ownerOrders(String tenantId, List<RiskLimit> tenantLimits, Instant now) {
        List<RiskLimit> owned = tenantLimits.stream().filter(l -> l.type() == LimitType.ORDER_RATE)
                .filter(l -> l.scope() == LimitScope.STRATEGY || l.scope() == LimitScope.USER).toList();
        if (owned.isEmpty()) {
            return List.of();
        }
        List<String> strategies = owned.stream().filter(l -> l.scope() == LimitScope.STRATEGY).map(RiskLimit::scopeValue).toList();
        List<String> users = owned.stream().filter(l -> l.scope() == LimitScope.USER).map(RiskLimit::scopeValue).toList();
        long lookBack = owned.stream().mapToLong(RiskLimit::periodSeconds).max().orElse(MIN_LOOK_BACK_SECONDS);
        return jdbc.sql("SELECT " + ORDER_COLUMNS + " FROM orders WHERE tenant_id = :tenantId AND created_at > :since "
                        + "AND (strategy IN (:strategies) OR placed_by IN (:users)) ORDER BY created_at, id LIMIT " + MAX_ORDERS)
                .param("tenantId", tenantId).param("since", Timestamps.bind(now.minusSeconds(lookBack)))
                // IN () is not SQL: an empty side matches nothing through a value no strategy or user can have.
                .param("strategies", strategies.isEmpty() ? List.of("") : strategies)
                .param("users", users.isEmpty() ? List.of("") : users)
                .query(RiskSnapshots::order).list();
    }

    /** Which parts of the snapshot to read; {@link #of} from the limit types the tenant has. */
    record Reads(boolean positions, boolean dayPnl, boolean dayPeak, boolean recentOrders, boolean prices,
                 boolean secType) {
        static final Reads ALL = new Reads(true, true, true, true, true, true);

        static Reads of(List<RiskLimit> limits) {
            Set<LimitType> types = limits.stream().map(RiskLimit::type)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(LimitType.class)));
            boolean exposure = types.contains(LimitType.MAX_LEVERAGE) || types.contains(LimitType.MAX_CONCENTRATION_PCT);
            boolean loss = types.contains(LimitType.DAILY_LOSS) || types.contains(LimitType.DRAWDOWN);
            return new Reads(loss || exposure || types.contains(LimitType.POSITION_LIMIT), loss,
                    types.contains(LimitType.DRAWDOWN),
                    types.contains(LimitType.ORDER_RATE) || types.contains(LimitType.DUPLICATE_WINDOW),
                    exposure || types.contains(LimitType.MAX_NOTIONAL) || types.contains(LimitType.PRICE_COLLAR_PCT),
                    limits.stream().anyMatch(l -> l.scope() == LimitScope.ASSET_CLASS));
        }
    }

    /** The lowest ACCOUNT_EQUITY figure set for the account (the most cautious, should there be several); null when none. */
    static BigDecimal accountEquity(List<RiskLimit> limits, String account) {
        return limits.stream().filter(l -> l.type() == LimitType.ACCOUNT_EQUITY && account.equals(l.scopeValue()))
                .map(RiskLimit::value).reduce(BigDecimal::min).orElse(null);
    }

    /** Last prices of every symbol the account holds or works, and of the order's symbol. */
    private Map<String, BigDecimal> prices(List<HeldPosition> positions, List<SnapshotOrder> working, String symbol) {
        TreeSet<String> symbols = new TreeSet<>();
        positions.forEach(p -> symbols.add(p.symbol()));
        working.forEach(o -> symbols.add(o.symbol()));
        if (symbol != null) symbols.add(symbol);
        if (symbols.isEmpty()) return Map.of();
        Map<String, BigDecimal> prices = new HashMap<>();
        jdbc.sql("SELECT symbol, price FROM market_prices WHERE symbol IN (:symbols)")
                .param("symbols", List.copyOf(symbols))
                .query((rs, n) -> Map.entry(rs.getString("symbol"), rs.getBigDecimal("price"))).list()
                .forEach(e -> prices.put(e.getKey(), e.getValue()));
        return prices;
    }

    /** How far back recent orders matter: the longest order-rate period or duplicate window among the limits. */
    static long lookBackSeconds(List<RiskLimit> limits) {
        long seconds = MIN_LOOK_BACK_SECONDS;
        for (RiskLimit l : limits) {
            if (l.type() == LimitType.ORDER_RATE) seconds = Math.max(seconds, l.periodSeconds());
            if (l.type() == LimitType.DUPLICATE_WINDOW) seconds = Math.max(seconds, l.value().longValue());
        }
        return seconds;
    }

    private static HeldPosition held(ValuedPosition v) {
        return new HeldPosition(v.position().symbol(), v.position().quantity(), v.position().avgCost(), v.lastPrice());
    }

    private static SnapshotOrder order(ResultSet rs, int row) throws SQLException {
        return new SnapshotOrder(rs.getString("client_order_id"), rs.getString("symbol"), rs.getString("side"),
                rs.getString("type"), rs.getBigDecimal("quantity"), rs.getBigDecimal("remaining"),
                rs.getBigDecimal("limit_price"), rs.getString("state"), Timestamps.read(rs, "created_at"),
                rs.getString("strategy"), rs.getString("placed_by"));
    }
}
