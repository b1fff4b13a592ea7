package io.oms.workflows.domain;

import java.util.Objects;

/** A tenant's stable identifier (its slug, e.g. {@code demo}). */
public record TenantId(String value) {
    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!value.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("tenant id must be a lowercase slug: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
