package io.oms.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoredTextTest {

    @Test
    void nulCharactersWhichPostgresRefusesAreReplaced() {
        assertThat(StoredText.of("ok\0\0bin", 100)).isEqualTo("ok\uFFFD\uFFFDbin").doesNotContain("\0");
    }

    @Test
    void longTextIsCutAndNullStaysNull() {
        assertThat(StoredText.of("x".repeat(600), 500)).hasSize(500);
        assertThat(StoredText.of(null, 10)).isNull();
    }
}
