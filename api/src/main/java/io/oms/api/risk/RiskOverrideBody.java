package io.oms.api.risk;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/v1/risk/overrides}. {@code kind} ORDER takes either {@code orderId} (a DENIED order: its terms
 * and risk reasons are copied) or the terms ({@code account, symbol, side, qty, type, limitPrice}) with the
 * {@code reasons} to waive; LIMIT takes {@code limitId}. Both need a {@code reason}; {@code expiresInSeconds}
 * defaults to 900.
 */
public record RiskOverrideBody(String kind, String orderId, String account, String symbol, String side, BigDecimal qty,
                               String type, BigDecimal limitPrice, List<String> reasons, String limitId, String reason,
                               Long expiresInSeconds) {}
