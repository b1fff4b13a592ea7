package io.oms.workflows.domain;

import java.util.Objects;

/**
 * An IB execution id such as {@code 0000e0d5.65b1a2c3.01.01}. IB corrects an execution by sending it again
 * under the same id up to the last dot with a higher suffix ({@code ...01.02}); the correction replaces
 * the earlier execution. Ids without a numeric suffix have revision 0 and are never corrected.
 */
public record ExecId(String value) {

    public ExecId {
        Objects.requireNonNull(value, "exec id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("exec id must not be blank");
        }
    }

    /** The id up to the last dot: every revision of one execution shares it. */
    public String base() {
        int dot = value.lastIndexOf('.');
        return dot > 0 && revisionOf(value.substring(dot + 1)) >= 0 ? value.substring(0, dot) : value;
    }

    /** The numeric suffix after the last dot, or 0 when there is none. */
    public int revision() {
        int dot = value.lastIndexOf('.');
        return dot > 0 ? Math.max(0, revisionOf(value.substring(dot + 1))) : 0;
    }

    /** True when this id is a later revision of the same execution as {@code earlier}. */
    public boolean corrects(ExecId earlier) {
        return base().equals(earlier.base()) && revision() > earlier.revision();
    }

    private static int revisionOf(String suffix) {
        if (suffix.isEmpty() || suffix.length() > 6 || !suffix.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(suffix);
    }

    @Override
    public String toString() {
        return value;
    }
}
