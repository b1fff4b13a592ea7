package io.oms.api.reconciliation;

import io.oms.infra.reconcile.ReconciliationReads;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Parsing of the reconciliation lists' filters, cursor keys and path ids. */
final class Filters {
    private Filters() {}

    /** The value in upper case when it is one of {@code allowed}; anything else throws (a 400 naming the filter). */
    static String oneOf(String value, List<String> allowed) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) throw new IllegalArgumentException(value);
        return upper;
    }

    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    /** A {@code [time, id]} cursor key. */
    static ReconciliationReads.TimeKey timeKey(List<String> key) {
        return new ReconciliationReads.TimeKey(Instant.parse(key.get(0)), UUID.fromString(key.get(1)));
    }

    /** The id, or empty when it is no UUID (then answered as not found, like an id nobody has). */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
