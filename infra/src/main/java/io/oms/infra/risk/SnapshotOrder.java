package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of the snapshot's account as the risk checks see it: side, type and state by name (the enums live in
 * {@code workflows}); {@code remaining} is the quantity not yet filled; {@code limitPrice} null for types without one;
 * {@code strategy} and {@code placedBy} (who placed it) may be null.
 */
public record SnapshotOrder(String clientOrderId, String symbol, String side, String type, BigDecimal quantity,
                            BigDecimal remaining, BigDecimal limitPrice, String state, Instant createdAt,
                            String strategy, String placedBy) {

    /** An order without strategy or placing user (tests, and orders from before they were kept). */
    public SnapshotOrder(String clientOrderId, String symbol, String side, String type, BigDecimal quantity,
                         BigDecimal remaining, BigDecimal limitPrice, String state, Instant createdAt) {
        this(clientOrderId, symbol, side, type, quantity, remaining, limitPrice, state, createdAt, null, null);
    }

    /** Types without a limit price trade at whatever the market offers once live (MKT, STP, TRAIL, MOC). */
    public boolean marketable() {
        return limitPrice == null;
    }
}
