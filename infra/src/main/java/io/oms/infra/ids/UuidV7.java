package io.oms.infra.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then version and 74 random bits from
 * {@link SecureRandom}. Ids made later sort after ids made earlier, which keeps B-tree inserts at the right edge and
 * makes {@code ORDER BY id DESC} mean newest first. Within one process that holds to the id, not only to the
 * millisecond: an id that would not sort after the previous one (the same millisecond, or a clock set back) is the
 * previous one plus a random step instead (RFC 9562 section 6.2, monotonic random), so rows made in one
 * millisecond list in the order they were made.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The 62 random bits of the low word; above them, the variant. */
    private static final long LOW_RANDOM = (1L << 62) - 1;
    private static final Sequence PROCESS = new Sequence();

    private UuidV7() {}

    public static UUID next() {
        return PROCESS.next(System.currentTimeMillis());
    }

    /** Ids of one source, each sorting after the one before it. */
    static final class Sequence {
        private UUID last = new UUID(0, 0);

        synchronized UUID next(long unixMillis) {
            UUID fresh = at(unixMillis);
            last = fresh.compareTo(last) > 0 ? fresh : after(last, 1 + (fresh.getLeastSignificantBits() & 0xFFFF_FFFFL));
            return last;
        }
    }

    /** {@code id} plus {@code step} in its 74 random bits, carrying into the timestamp when they run out. */
    static UUID after(UUID id, long step) {
        long msb = id.getMostSignificantBits();
        long low = (id.getLeastSignificantBits() & LOW_RANDOM) + step;
        if (low > LOW_RANDOM) {
            low &= LOW_RANDOM;
            long randA = (msb & 0xFFFL) + 1;
            msb = randA > 0xFFFL ? ((msb >>> 16) + 1) << 16 | 0x7000L : (msb & ~0xFFFL) | randA;
        }
        return new UUID(msb, 0x8000_0000_0000_0000L | low);
    }

    /** A UUIDv7 with the given Unix-millisecond timestamp and fresh random bits. */
    public static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long msb = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L // version 7
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL); // rand_a, 12 bits
        long lsb = 0x8000_0000_0000_0000L // variant 10
                | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            lsb |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(msb, lsb);
    }

    /** The Unix-millisecond timestamp of a UUIDv7. */
    public static long timestamp(UUID uuid) {
        if (uuid.version() != 7) {
            throw new IllegalArgumentException("not a UUIDv7: " + uuid);
        }
        return uuid.getMostSignificantBits() >>> 16;
    }
}
