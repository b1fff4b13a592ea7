package io.oms.workflows.order;

import java.math.BigDecimal;

/** One execution the workflow counts in the order's fill totals: its latest revision's quantity and price. */
public record CountedFill(String execId, BigDecimal quantity, BigDecimal price) {}
