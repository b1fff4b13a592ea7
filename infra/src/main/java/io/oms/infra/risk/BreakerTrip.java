package io.oms.infra.risk;

import java.math.BigDecimal;
import java.time.Instant;

/** One trip of a breaker: what it measured over how many samples, against which threshold, and the switch it engaged. */
public record BreakerTrip(long id, String tenantId, BreakerKind kind, String scope, String scopeId, String action,
                          BigDecimal measured, BigDecimal threshold, Integer windowSeconds, long samples, String detail,
                          Instant trippedAt) {}
