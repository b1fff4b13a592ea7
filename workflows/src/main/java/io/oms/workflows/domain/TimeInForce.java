package io.oms.workflows.domain;

public enum TimeInForce {
    DAY,
    GTC
}
