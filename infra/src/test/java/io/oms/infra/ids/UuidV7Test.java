package io.oms.infra.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void hasVersionSevenAndTheRfcVariant() {
        UUID id = UuidV7.next();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carriesTheCurrentUnixMilliseconds() {
        long before = System.currentTimeMillis();
        UUID id = UuidV7.next();
        long after = System.currentTimeMillis();
        assertThat(UuidV7.timestamp(id)).isBetween(before, after);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsTextAndAsUuid() {
        UUID earlier = UuidV7.at(1_700_000_000_000L);
        UUID later = UuidV7.at(1_700_000_000_001L);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier).isLessThan(later);
    }

    @Test
    void randomBitsMakeIdsOfTheSameMillisecondDistinct() {
        var seen = new HashSet<UUID>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(UuidV7.at(42L))).isTrue();
        }
    }
}
