package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class PasswordsTest {
    private final Passwords passwords = new Passwords();

    @Test
    void hashesAreArgon2idAndNameTheirAlgorithm() {
        String hash = passwords.hash("Correct-Horse-42");
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(passwords.matches("Correct-Horse-42", hash)).isTrue();
        assertThat(passwords.matches("Correct-Horse-43", hash)).isFalse();
        assertThat(passwords.needsUpgrade(hash)).isFalse();
    }

    @Test
    void olderAlgorithmsAndWeakerParametersStillVerifyButAskForAnUpgrade() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("Correct-Horse-42");
        assertThat(passwords.matches("Correct-Horse-42", bcrypt)).isTrue();
        assertThat(passwords.needsUpgrade(bcrypt)).isTrue();
        String weak = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 1).encode("Correct-Horse-42");
        assertThat(passwords.matches("Correct-Horse-42", weak)).isTrue();
        assertThat(passwords.needsUpgrade(weak)).isTrue();
    }

    @Test
    void unknownOrMissingHashesNeverMatch() {
        assertThat(passwords.matches("x", "{md5}abc")).isFalse();
        assertThat(passwords.matches("x", null)).isFalse();
        assertThat(passwords.matchesNobody("anything")).isFalse();
    }
}
