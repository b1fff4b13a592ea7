package io.oms.workflows.risk;

/** The order (as it would stand: new terms for a modify, the unfilled rest for an in-flight check) and the moment. */
public record RiskCheckRequest(OrderIntent intent, RiskCheckKind kind) {}
