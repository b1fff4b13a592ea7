package io.oms.ib.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a message as a list of field strings using IB's encoding rules: null/unset is the empty
 * string, "max" variants turn the MAX_VALUE sentinels into empty fields, decimals go out as plain
 * strings (never scientific notation, never via double).
 */
public final class FieldWriter {
    /** IB's textual form of Double.MAX_VALUE, used where its encoder sends an unset double verbatim. */
    public static final String DOUBLE_MAX = "1.7976931348623157E308";
    public static final String INT_MAX = Integer.toString(Integer.MAX_VALUE);

    private final List<String> fields = new ArrayList<>();

    public FieldWriter str(String s) {
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                // IB's client refuses non-printable text; NUL would also corrupt the framing.
                if (c == 0) throw new WireException("NUL inside field: " + s);
            }
        }
        fields.add(s == null ? "" : s);
        return this;
    }

    public FieldWriter empty() { fields.add(""); return this; }

    public FieldWriter empties(int n) { for (int i = 0; i < n; i++) fields.add(""); return this; }

    public FieldWriter i(int v) { fields.add(Integer.toString(v)); return this; }

    public FieldWriter l(long v) { fields.add(Long.toString(v)); return this; }

    /** Integer.MAX_VALUE means unset and goes out empty (IB's sendMax). */
    public FieldWriter intMax(int v) { fields.add(v == Integer.MAX_VALUE ? "" : Integer.toString(v)); return this; }

    /** Nullable int: null is the empty field. */
    public FieldWriter intOrEmpty(Integer v) { fields.add(v == null ? "" : v.toString()); return this; }

    /** Nullable long: null is the empty field. */
    public FieldWriter longOrEmpty(Long v) { fields.add(v == null ? "" : v.toString()); return this; }

    public FieldWriter bool(boolean v) { fields.add(v ? "1" : "0"); return this; }

    /** Decimal where null means unset (empty field). */
    public FieldWriter dec(BigDecimal v) { fields.add(v == null ? "" : v.toPlainString()); return this; }

    /** Decimal where null means unset but IB sends Double.MAX_VALUE literally (e.g. commission PnL). */
    public FieldWriter decOrDoubleMax(BigDecimal v) { fields.add(v == null ? DOUBLE_MAX : v.toPlainString()); return this; }

    /** A literal field value (constants like "0.0" that IB's encoder always writes). */
    public FieldWriter raw(String s) { fields.add(s); return this; }

    public List<String> fields() { return List.copyOf(fields); }
}
