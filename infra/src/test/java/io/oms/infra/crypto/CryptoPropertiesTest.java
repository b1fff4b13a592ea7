package io.oms.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoPropertiesTest {
    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString(AesGcm.newKey());

    @Test
    void firstListedMasterKeyIsActive() {
        var props = new CryptoProperties("k2:" + KEY_B + ", k1:" + KEY_A, null);
        assertThat(props.keys().keySet()).containsExactly("k2", "k1");
    }

    @Test
    void refusesMalformedMasterKeysNamingTheSettingWithoutEchoingKeys() {
        assertThatThrownBy(() -> new CryptoProperties("k1:" + Base64.getEncoder().encodeToString(new byte[16]), null))
                .hasMessageContaining("oms.crypto.master-keys").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new CryptoProperties("k1:not base64!", null))
                .hasMessageContaining("not base64").hasMessageNotContaining("not base64!");
        assertThatThrownBy(() -> new CryptoProperties(KEY_A, null)).hasMessageContaining("id:base64key");
        assertThatThrownBy(() -> new CryptoProperties("k1:" + KEY_A + ",k1:" + KEY_B, null))
                .hasMessageContaining("appears twice");
    }

    @Test
    void createsTheDevelopmentKeyOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub").resolve("dev-master-key");
        byte[] first = CryptoConfiguration.devKey(file);
        assertThat(first).hasSize(32);
        assertThat(CryptoConfiguration.devKey(file)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }
}
