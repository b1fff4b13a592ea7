package io.oms.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
    private static final byte[] K1 = AesGcm.newKey();
    private static final byte[] K2 = AesGcm.newKey();
    private final SecretSealer sealer = new SecretSealer(new LocalMasterKeys("k1", Map.of("k1", K1)));

    @Test
    void opensWhatItSealedInTheSameContext() {
        String sealed = sealer.seal("hunter2-broker-password", "broker:acme:DU1");
        assertThat(sealed).startsWith("v1.k1.").doesNotContain("hunter2");
        assertThat(sealer.openString(sealed, "broker:acme:DU1")).isEqualTo("hunter2-broker-password");
    }

    @Test
    void sealsTheSameSecretDifferentlyEachTime() {
        assertThat(sealer.seal("same", "ctx")).isNotEqualTo(sealer.seal("same", "ctx"));
    }

    @Test
    void refusesToOpenInAnotherContext() {
        String sealed = sealer.seal("secret", "totp:user-a");
        assertThatThrownBy(() -> sealer.open(sealed, "totp:user-b")).isInstanceOf(CryptoFailure.class);
    }

    @Test
    void refusesAlteredCiphertext() {
        String sealed = sealer.seal("secret", "ctx");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> sealer.open(altered, "ctx")).isInstanceOf(CryptoFailure.class);
    }

    @Test
    void refusesWithoutTheRightMasterKey() {
        String sealed = sealer.seal("secret", "ctx");
        SecretSealer otherKey = new SecretSealer(new LocalMasterKeys("k1", Map.of("k1", K2)));
        assertThatThrownBy(() -> otherKey.open(sealed, "ctx")).isInstanceOf(CryptoFailure.class);
        SecretSealer unknownId = new SecretSealer(new LocalMasterKeys("k2", Map.of("k2", K2)));
        assertThatThrownBy(() -> unknownId.open(sealed, "ctx")).isInstanceOf(CryptoFailure.class)
                .hasMessageContaining("unknown master key k1");
    }

    @Test
    void opensDataSealedUnderAnOldMasterKeyAfterRotation() {
        String old = sealer.seal("secret", "ctx");
        SecretSealer rotated = new SecretSealer(new LocalMasterKeys("k2", Map.of("k1", K1, "k2", K2)));
        assertThat(rotated.openString(old, "ctx")).isEqualTo("secret");
        String fresh = rotated.seal("secret", "ctx");
        assertThat(SecretSealer.masterKeyIdOf(fresh)).isEqualTo("k2");
        assertThat(new String(rotated.open(fresh, "ctx"), StandardCharsets.UTF_8)).isEqualTo("secret");
    }

    @Test
    void refusesMalformedSealedText() {
        assertThatThrownBy(() -> sealer.open("plaintext", "ctx")).isInstanceOf(CryptoFailure.class);
        assertThatThrownBy(() -> sealer.open("v1.k1.%%%.%%%", "ctx")).isInstanceOf(CryptoFailure.class);
    }
}
