package io.oms.infra.crypto;

import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Master keys for envelope encryption: {@code masterKeys} is {@code id:base64key[,id:base64key...]}, the first
 * being active (it wraps new data keys; the others only unwrap, for rotation). When empty, a development key
 * is generated once into {@code devKeyFile} (owner-only permissions) with a warning: fine for {@code oms dev},
 * never for production.
 */
@ConfigurationProperties("oms.crypto")
public record CryptoProperties(String masterKeys, Path devKeyFile) {
    public CryptoProperties {
        masterKeys = masterKeys == null ? "" : masterKeys.trim();
        if (devKeyFile == null) devKeyFile = Path.of(System.getProperty("user.home"), ".oms", "dev-master-key");
        if (!masterKeys.isEmpty()) parse(masterKeys); // fail at startup, naming the setting, not at first use
    }

    public boolean configured() {
        return !masterKeys.isEmpty();
    }

    /** The keys in configured order (the first is active). Never logs or echoes key material. */
    public Map<String, byte[]> keys() {
        return parse(masterKeys);
    }

    private static Map<String, byte[]> parse(String spec) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            if (id.isEmpty() || id.contains(".")) {
                throw new IllegalArgumentException("oms.crypto.master-keys entries must look like id:base64key"
                        + " (id without '.')");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("oms.crypto.master-keys: key " + id + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("oms.crypto.master-keys: key " + id + " must be 32 bytes (AES-256)");
            }
            if (keys.put(id, key) != null) {
                throw new IllegalArgumentException("oms.crypto.master-keys: key id " + id + " appears twice");
            }
        }
        return keys;
    }
}
