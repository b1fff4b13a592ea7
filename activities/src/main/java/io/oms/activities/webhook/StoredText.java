package io.oms.activities.webhook;

/**
 * Text from a receiver made storable: PostgreSQL text refuses NUL characters (a receiver answering binary would
 * otherwise fail the attempt's bookkeeping, and a 2xx would be retried), and errors are kept short.
 */
final class StoredText {
    static final int MAX_ERROR = 500;

    private StoredText() {}

    static String of(String s, int max) {
        if (s == null) return null;
        String clean = s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
