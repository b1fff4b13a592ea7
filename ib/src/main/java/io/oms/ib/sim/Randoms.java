package io.oms.ib.sim;

import java.util.Random;

/**
 * One Random per purpose (a symbol's walk, its liquidity, fault decisions), each derived from the single
 * simulator seed. Separate streams keep purposes independent: asking for a new symbol's quote or firing a
 * fault never shifts another symbol's price path.
 */
final class Randoms {
    private Randoms() {}

    static Random derive(long seed, String purpose) {
        return new Random(mix(seed ^ mix(purpose.hashCode() * 0x9E3779B97F4A7C15L)));
    }

    /** A 64-bit finalizer (murmur3 style) so nearby seeds and purposes give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
