package io.oms.ib.wire;

/**
 * Error texts are unicode-escaped (backslash-u plus 4 hex digits) from server version 153 on, so
 * non-ASCII characters survive IB's ASCII-only field rules.
 */
public final class TextEscapes {
    private TextEscapes() {}

    public static String escape(String s) {
        if (s == null) return null;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public static String unescape(String s) {
        if (s == null || !s.contains("\\u")) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.startsWith("u", i + 1) && isHex4(s, i + 2)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isHex4(String s, int from) {
        if (from + 4 > s.length()) return false;
        for (int k = from; k < from + 4; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) return false;
        }
        return true;
    }
}
