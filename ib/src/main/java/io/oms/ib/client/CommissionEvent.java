package io.oms.ib.client;

import java.math.BigDecimal;

/** commissionAndFeesReport, joined to its fill by execId; realizedPnl is null when IB says n/a. */
public record CommissionEvent(String execId, BigDecimal commission, String currency, BigDecimal realizedPnl) {}
