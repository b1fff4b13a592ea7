package io.oms.api.risk;

import java.math.BigDecimal;

/**
 * {@code POST /api/v1/risk/limits} and {@code PUT /api/v1/risk/limits/{id}}: scope and type as names (a wrong one
 * is a field error), the value in the type's unit, {@code periodSeconds} for ORDER_RATE only.
 */
public record RiskLimitBody(String scope, String scopeValue, String type, BigDecimal value, Integer periodSeconds) {}
