package io.oms.infra.risk;

/** What a risk override allows: one denied order through (single use), or one limit lifted for a while. */
public enum OverrideKind {
    ORDER,
    LIMIT
}
