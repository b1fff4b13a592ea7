package io.oms.workflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecIdTest {
    @Test
    void aHigherSuffixOfTheSameBaseIsACorrection() {
        ExecId original = new ExecId("0000e0d5.65b1a2c3.01.01");
        ExecId correction = new ExecId("0000e0d5.65b1a2c3.01.02");
        assertThat(correction.base()).isEqualTo("0000e0d5.65b1a2c3.01");
        assertThat(correction.revision()).isEqualTo(2);
        assertThat(correction.corrects(original)).isTrue();
        assertThat(original.corrects(correction)).isFalse();
        assertThat(original.corrects(original)).isFalse();
    }

    @Test
    void anotherBaseIsNeverACorrection() {
        assertThat(new ExecId("0000e0d5.65b1a2c3.02.02").corrects(new ExecId("0000e0d5.65b1a2c3.01.01"))).isFalse();
    }

    @Test
    void anIdWithoutNumericSuffixIsItsOwnBase() {
        ExecId id = new ExecId("sim-abc");
        assertThat(id.base()).isEqualTo("sim-abc");
        assertThat(id.revision()).isZero();
        assertThat(new ExecId("x.y").base()).isEqualTo("x.y");
    }
}
