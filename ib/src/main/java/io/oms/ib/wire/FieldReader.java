package io.oms.ib.wire;

import java.math.BigDecimal;
import java.util.List;

/**
 * Reads fields with IB's decoding rules: empty string means null/unset, numeric readers map empty
 * to 0 (or to MAX_VALUE for the "max" variants), and decimals treat IB's sentinel values as unset.
 * Reading past the end throws, mirroring IB's decoder, so a short frame is never half-applied.
 */
public final class FieldReader {
    private final List<String> fields;
    private int pos;

    public FieldReader(List<String> fields) { this.fields = fields; }

    public boolean hasMore() { return pos < fields.size(); }

    public int position() { return pos; }

    public String next() {
        if (pos >= fields.size()) throw new WireException("frame ended at field " + pos + ": " + fields);
        return fields.get(pos++);
    }

    public void skip(int n) { for (int k = 0; k < n; k++) next(); }

    /** Empty is null. */
    public String str() {
        String s = next();
        return s.isEmpty() ? null : s;
    }

    public int i() {
        String s = next();
        if (s.isEmpty()) return 0;
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new WireException("not an int at field " + (pos - 1) + ": " + s, e);
        }
    }

    /** Empty is Integer.MAX_VALUE (unset). */
    public int intMax() {
        String s = fields.size() > pos ? fields.get(pos) : null;
        if (s != null && s.isEmpty()) { pos++; return Integer.MAX_VALUE; }
        return i();
    }

    /** Empty is null. */
    public Integer intOrNull() {
        String s = fields.size() > pos ? fields.get(pos) : null;
        if (s != null && s.isEmpty()) { pos++; return null; }
        return i();
    }

    public long l() {
        String s = next();
        if (s.isEmpty()) return 0;
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new WireException("not a long at field " + (pos - 1) + ": " + s, e);
        }
    }

    /** Empty is null (e.g. completedOrder's parentPermId, where 0 and "absent" differ). */
    public Long longOrNull() {
        String s = fields.size() > pos ? fields.get(pos) : null;
        if (s != null && s.isEmpty()) { pos++; return null; }
        return l();
    }

    public boolean bool() { return i() != 0; }

    /**
     * Empty, Double.MAX, Integer.MAX and Long.MIN/MAX strings are unset (null), as IB's readDecimal does.
     * Non-finite doubles (a server's String.valueOf of NaN or an infinity) have no decimal value either; they
     * read as unset rather than failing the frame, since a decode failure costs the whole session.
     */
    public BigDecimal dec() {
        String s = next();
        if (isUnsetDecimal(s)) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new WireException("not a decimal at field " + (pos - 1) + ": " + s, e);
        }
    }

    static boolean isUnsetDecimal(String s) {
        return s.isEmpty() || s.equals(FieldWriter.DOUBLE_MAX) || s.equals(FieldWriter.INT_MAX)
                || s.equals(Long.toString(Long.MAX_VALUE)) || s.equals(Long.toString(Long.MIN_VALUE))
                || s.equalsIgnoreCase("Infinity") || s.equalsIgnoreCase("-Infinity") || s.equalsIgnoreCase("NaN");
    }
}
