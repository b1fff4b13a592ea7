package io.oms.ib.msg;

import io.oms.ib.wire.FieldWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random values that respect what the codec can carry: strings are null or non-empty and have no
 * NUL (empty means null on the wire), decimals have a non-negative scale (toPlainString must parse back
 * to an equal BigDecimal) and never spell one of IB's "unset" sentinels.
 */
final class Gen {
    private static final String ASCII = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .:;,-_/+=#@!?()[]{}'\"*&%$~|<>^`";
    private static final Set<String> SENTINELS = Set.of(FieldWriter.DOUBLE_MAX, FieldWriter.INT_MAX,
            Long.toString(Long.MAX_VALUE), Long.toString(Long.MIN_VALUE));
    private static final int[] UNICODE = {0xe9, 0xfc, 0x20ac, 0x4e2d, 0x0416, 0x05d0, 0x1f600, 0x1d11e, 0xa0, 0x7f};

    final Random rnd;

    Gen(long seed) { rnd = new Random(seed); }

    boolean chance(int percent) { return rnd.nextInt(100) < percent; }

    boolean bool() { return rnd.nextBoolean(); }

    int anyInt() {
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> -1;
            case 2 -> Integer.MIN_VALUE;
            case 3 -> Integer.MAX_VALUE - 1;
            default -> rnd.nextInt();
        };
    }

    int natural() { return rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(Integer.MAX_VALUE - 1) + 1; }

    /** permIds are longs from sv 191; below it IB's decoder reads an int, so keep them in range there. */
    long permId(int sv) {
        return sv >= io.oms.ib.wire.ServerVersion.PERM_ID_AS_LONG && bool()
                ? rnd.nextLong(Long.MAX_VALUE - 1) + 1 : rnd.nextInt(Integer.MAX_VALUE - 1) + 1;
    }

    /** ASCII-printable text (what IB's client may send), null in about one case of five. */
    String ascii() { return chance(20) ? null : asciiNonNull(1 + rnd.nextInt(16)); }

    String asciiNonNull(int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) sb.append(ASCII.charAt(rnd.nextInt(ASCII.length())));
        return sb.toString();
    }

    /** Server-side free text: may contain non-ASCII (valid code points only: UTF-8 cannot carry lone surrogates). */
    String text() {
        if (chance(15)) return null;
        StringBuilder sb = new StringBuilder();
        int len = 1 + rnd.nextInt(20);
        for (int i = 0; i < len; i++) {
            if (chance(30)) sb.appendCodePoint(UNICODE[rnd.nextInt(UNICODE.length)]);
            else sb.append(ASCII.charAt(rnd.nextInt(ASCII.length())));
        }
        return sb.toString();
    }

    String pick(String... options) { return options[rnd.nextInt(options.length)]; }

    /** Null (unset) in about one case of five, else a decimal; negative only where the caller allows it. */
    BigDecimal dec(boolean negativeOk) { return chance(20) ? null : decNonNull(negativeOk); }

    BigDecimal decNonNull(boolean negativeOk) {
        while (true) {
            BigInteger unscaled = switch (rnd.nextInt(4)) {
                case 0 -> BigInteger.valueOf(rnd.nextInt(1000));
                case 1 -> BigInteger.valueOf(rnd.nextLong() >>> 1);
                case 2 -> new BigInteger(96 + rnd.nextInt(64), rnd); // beyond double's exact range
                default -> BigInteger.valueOf(rnd.nextInt(1_000_000));
            };
            if (negativeOk && bool()) unscaled = unscaled.negate();
            BigDecimal d = new BigDecimal(unscaled, rnd.nextInt(11));
            if (!SENTINELS.contains(d.toPlainString())) return d;
        }
    }

    /** IB's GTD text: local time with or without a zone, or the UTC dash form. */
    String goodTillDate() {
        if (chance(40)) return null;
        String date = String.format("%04d%02d%02d", 2026 + rnd.nextInt(3), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
        String time = String.format("%02d:%02d:%02d", rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
        return switch (rnd.nextInt(3)) {
            case 0 -> date + " " + time;
            case 1 -> date + " " + time + " " + pick("US/Eastern", "UTC", "Europe/London", "America/New_York");
            default -> date + "-" + time;
        };
    }
}
