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

    @Test
    void idsMadeInOneMillisecondSortInTheOrderTheyWereMade() {
        UuidV7.Sequence sequence = new UuidV7.Sequence();
        UUID previous = sequence.next(1_700_000_000_000L);
        for (int i = 0; i < 10_000; i++) {
            UUID id = sequence.next(1_700_000_000_000L);
            assertThat(id).isGreaterThan(previous);
            assertThat(id.toString()).isGreaterThan(previous.toString()); // as PostgreSQL orders uuid: bytewise
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            previous = id;
        }
        assertThat(UuidV7.timestamp(previous)).isEqualTo(1_700_000_000_000L);
    }

    @Test
    void aClockSetBackDoesNotMakeAnIdSortBeforeTheOnesAlreadyMade() {
        UuidV7.Sequence sequence = new UuidV7.Sequence();
        UUID made = sequence.next(1_700_000_001_000L);
        UUID afterTheClockWentBack = sequence.next(1_700_000_000_000L);
        assertThat(afterTheClockWentBack).isGreaterThan(made);
        assertThat(afterTheClockWentBack.toString()).isGreaterThan(made.toString());
        assertThat(sequence.next(1_700_000_002_000L)).extracting(UuidV7::timestamp).isEqualTo(1_700_000_002_000L);
    }

    @Test
    void theRandomBitsCarryIntoTheTimestampWhenTheyRunOut() {
        UUID full = new UUID((1_700_000_000_000L << 16) | 0x7FFFL, 0xBFFF_FFFF_FFFF_FFFFL); // every random bit set
        UUID next = UuidV7.after(full, 1);
        assertThat(next).isGreaterThan(full);
        assertThat(next.toString()).isGreaterThan(full.toString());
        assertThat(UuidV7.timestamp(next)).isEqualTo(1_700_000_000_001L);
        assertThat(next.version()).isEqualTo(7);
        assertThat(next.variant()).isEqualTo(2);

        UUID lowFull = new UUID((1_700_000_000_000L << 16) | 0x7005L, 0xBFFF_FFFF_FFFF_FFFFL);
        UUID carried = UuidV7.after(lowFull, 1);
        assertThat(carried.getMostSignificantBits() & 0xFFFL).isEqualTo(6);
        assertThat(UuidV7.timestamp(carried)).isEqualTo(1_700_000_000_000L);
        assertThat(carried).isGreaterThan(lowFull);
    }
}
