package io.oms.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long[] ONE_TO_TEN = LongStream.rangeClosed(1, 10).toArray();
    private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void returnsValueAtCeilingRankOfThePercentile() {
        assertThat(Percentiles.nearestRank(ONE_TO_TEN, 50)).isEqualTo(5);
        assertThat(Percentiles.nearestRank(ONE_TO_TEN, 90)).isEqualTo(9);
        assertThat(Percentiles.nearestRank(ONE_TO_TEN, 99)).isEqualTo(10);
        assertThat(Percentiles.nearestRank(ONE_TO_TEN, 51)).isEqualTo(6);
    }

    @Test
    void doesNotRoundUpExactRanksBecauseOfFloatingPointError() {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 90)).isEqualTo(90);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 70)).isEqualTo(70);
    }

    @Test
    void hundredthPercentileIsTheMaximumAndZerothIsTheMinimum() {
        long[] values = {3, 7, 7, 42};
        assertThat(Percentiles.nearestRank(values, 100)).isEqualTo(42);
        assertThat(Percentiles.nearestRank(values, 0)).isEqualTo(3);
    }

    @Test
    void singleValueIsEveryPercentile() {
        long[] values = {17};
        assertThat(Percentiles.nearestRank(values, 1)).isEqualTo(17);
        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(17);
        assertThat(Percentiles.nearestRank(values, 99.9)).isEqualTo(17);
    }

    @Test
    void rejectsEmptyInputAndOutOfRangePercentiles() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_TEN, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_TEN, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_TEN, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void medianAveragesTheTwoMiddleValuesForAnEvenCount() {
        assertThat(Percentiles.median(new double[] {4, 1, 3})).isEqualTo(3.0);
        assertThat(Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Percentiles.median(new double[0])).isNaN();
    }
}
