package io.oms.ib.sim;

import java.math.BigDecimal;

/** A snapshot of one symbol's simulated market; open/close are null until an auction has run. */
public record Quote(String symbol, BigDecimal bid, BigDecimal ask, BigDecimal bidSize, BigDecimal askSize,
                    BigDecimal last, BigDecimal lastSize, BigDecimal volume, BigDecimal open, BigDecimal close,
                    boolean halted) {}
