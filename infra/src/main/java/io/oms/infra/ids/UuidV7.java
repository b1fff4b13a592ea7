package io.oms.infra.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562 section 5.7): 48 bits of Unix milliseconds, then version and 74 random bits from
 * {@link SecureRandom}. Ids made later sort after ids made earlier (to the millisecond), which keeps
 * B-tree inserts at the right edge and makes {@code ORDER BY id DESC} mean newest first.
 */
public final class UuidV7 {
    private static final SecureRandom RANDOM = new SecureRandom();

    private UuidV7() {}

    public static UUID next() {
        return at(System.currentTimeMillis());
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
