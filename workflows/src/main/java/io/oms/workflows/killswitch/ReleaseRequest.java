package io.oms.workflows.killswitch;

/** Release the switch (back to ACTIVE); who asked and why. */
public record ReleaseRequest(String actor, String reason) {}
