package io.oms.infra.crypto;

/** A data key encrypted under the master key {@code keyId}; safe to store next to the data it protects. */
public record WrappedKey(String keyId, byte[] ciphertext) {
    public WrappedKey {
        if (keyId == null || keyId.isBlank() || keyId.contains(".")) {
            throw new IllegalArgumentException("a master key id is required and may not contain '.'");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }
}
