package io.oms.workflows.killswitch;

/** The answer to an engage or a release: the switch after it, and whether this call changed its state. */
public record Engagement(KillSwitchView view, boolean changed) {}
