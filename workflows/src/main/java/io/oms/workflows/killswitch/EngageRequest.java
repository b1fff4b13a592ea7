package io.oms.workflows.killswitch;

/** Engage the switch to REDUCING or HALTED, with a machine reason code, free text and who asked. */
public record EngageRequest(TradingState state, String reasonCode, String reason, String actor) {}
