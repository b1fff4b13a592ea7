package io.oms.infra.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {
    private final RecoveryCodes codes = new RecoveryCodes();

    @Test
    void generatesTenDistinctCodesWithoutLookAlikeCharacters() {
        var generated = codes.generate();
        assertThat(generated).hasSize(RecoveryCodes.COUNT).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}"));
    }

    @Test
    void theSameCodeHashesDifferentlyEachTimeAndMatchesInAnySpelling() {
        String code = codes.generate().getFirst();
        String h1 = codes.hash(code);
        String h2 = codes.hash(code);
        assertThat(h1).isNotEqualTo(h2).doesNotContain(code).doesNotContain(code.replace("-", ""));
        assertThat(codes.matches(RecoveryCodes.normalize(code.toUpperCase()), h1)).isTrue();
        assertThat(codes.matches(RecoveryCodes.normalize(code.replace("-", " ")), h2)).isTrue();
        assertThat(codes.matches(RecoveryCodes.normalize("abcd-efgh-jkmn"), h1)).isFalse();
    }

    @Test
    void normalizeRefusesWhatCannotBeACode() {
        assertThat(RecoveryCodes.normalize("ABCD-EFGH-JKMN")).isEqualTo("abcdefghjkmn");
        assertThat(RecoveryCodes.normalize("abcd-efgh-jkm")).isNull();
        assertThat(RecoveryCodes.normalize("abcd-efgh-jkm0")).isNull(); // 0 is not in the alphabet
        assertThat(RecoveryCodes.normalize("123456")).isNull();
        assertThat(RecoveryCodes.normalize(null)).isNull();
    }
}
