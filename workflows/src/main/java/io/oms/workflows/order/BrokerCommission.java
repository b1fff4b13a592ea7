package io.oms.workflows.order;

import java.math.BigDecimal;

/** IB's commission report for one execution; it may arrive well after the execution itself. */
public record BrokerCommission(String execId, BigDecimal commission, String currency) {}
