package io.oms.workflows.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant's stable identifier (its slug, e.g. {@code demo}). */
public record TenantId(String value) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException("tenant id must be a lowercase slug: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
