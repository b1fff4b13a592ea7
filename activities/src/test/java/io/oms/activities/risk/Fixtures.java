package io.oms.activities.risk;

import io.oms.infra.risk.HeldPosition;
import io.oms.infra.risk.LimitScope;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskSnapshot;
import io.oms.infra.risk.SnapshotOrder;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.OrderIntent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Orders, limits and snapshots for the rule tests. */
public final class Fixtures {
    public static final String TENANT = "t1";
    public static final String ACCOUNT = "DU1";
    public static final String SYMBOL = "AAPL";
    /** Tuesday 2025-03-04 11:00 New York: regular session. */
    public static final Instant MIDDAY = Instant.parse("2025-03-04T16:00:00Z");

    private Fixtures() {}

    public static OrderIntent limitOrder(Side side, String qty, String price) {
        return new OrderIntent(TENANT, "new-1", ACCOUNT, SYMBOL, side, OrderType.LMT, TimeInForce.DAY, new BigDecimal(qty),
                new BigDecimal(price), null, false, null, null);
    }

    public static OrderIntent marketOrder(Side side, String qty) {
        return new OrderIntent(TENANT, "new-1", ACCOUNT, SYMBOL, side, OrderType.MKT, TimeInForce.DAY, new BigDecimal(qty),
                null, null, false, null, null);
    }

    public static RiskLimit limit(LimitType type, String value) {
        return limit(LimitScope.TENANT, null, type, value, type.needsPeriod() ? 60 : null);
    }

    public static RiskLimit limit(LimitScope scope, String scopeValue, LimitType type, String value, Integer period) {
        return new RiskLimit(UUID.randomUUID(), TENANT, scope, scopeValue, type, new BigDecimal(value), period, "test",
                MIDDAY, MIDDAY);
    }

    public static SnapshotOrder working(String id, Side side, String qty, String limitPrice) {
        return new SnapshotOrder(id, SYMBOL, side.name(), limitPrice == null ? "MKT" : "LMT", new BigDecimal(qty),
                new BigDecimal(qty), limitPrice == null ? null : new BigDecimal(limitPrice), "ROUTED", MIDDAY.minusSeconds(60));
    }

    public static Snapshot snapshot() {
        return new Snapshot();
    }

    /** A mutable builder of an immutable snapshot. */
    public static final class Snapshot {
        private Instant asOf = MIDDAY;
        private final List<RiskLimit> limits = new ArrayList<>();
        private final List<HeldPosition> positions = new ArrayList<>();
        private final List<SnapshotOrder> working = new ArrayList<>();
        private final List<SnapshotOrder> recent = new ArrayList<>();
        private final List<SnapshotOrder> owners = new ArrayList<>();
        private BigDecimal lastPrice = new BigDecimal("100");
        private String restriction;
        private BigDecimal realized = BigDecimal.ZERO;
        private BigDecimal commissions = BigDecimal.ZERO;
        private BigDecimal peak;
        private String secType = "STK";
        private String accountRestriction;
        private BigDecimal equity;
        private final Map<String, BigDecimal> prices = new HashMap<>();

        public Snapshot at(Instant at) { asOf = at; return this; }
        public Snapshot limit(RiskLimit l) { limits.add(l); return this; }
        public Snapshot position(String symbol, String qty, String avgCost, String price) {
            positions.add(new HeldPosition(symbol, new BigDecimal(qty), new BigDecimal(avgCost),
                    price == null ? null : new BigDecimal(price)));
            return this;
        }
        public Snapshot working(SnapshotOrder o) { working.add(o); return this; }
        public Snapshot recent(SnapshotOrder o) { recent.add(o); return this; }
        /** A recent order of the tenant (any account) naming a strategy or user an order-rate limit is about. */
        public Snapshot ofOwner(SnapshotOrder o) { owners.add(o); return this; }
        public Snapshot lastPrice(String p) { lastPrice = p == null ? null : new BigDecimal(p); return this; }
        public Snapshot restricted(String why) { restriction = why; return this; }
        public Snapshot realized(String r) { realized = new BigDecimal(r); return this; }
        public Snapshot commissions(String c) { commissions = new BigDecimal(c); return this; }
        public Snapshot peak(String p) { peak = new BigDecimal(p); return this; }
        public Snapshot secType(String t) { secType = t; return this; }
        public Snapshot accountRestricted(String why) { accountRestriction = why; return this; }
        public Snapshot equity(String e) { equity = e == null ? null : new BigDecimal(e); return this; }
        public Snapshot price(String symbol, String p) { prices.put(symbol, new BigDecimal(p)); return this; }

        public RiskSnapshot build() {
            return new RiskSnapshot(TENANT, ACCOUNT, SYMBOL, asOf, limits, positions, working, recent, lastPrice,
                    restriction, realized, commissions, peak, secType, accountRestriction, equity, prices, owners);
        }
    }
}
