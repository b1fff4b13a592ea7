package io.oms.infra.crypto;

import java.util.Map;

/**
 * Master keys held by this process (from configuration): the active one wraps new data keys, every listed
 * one can unwrap, so a master key is rotated by adding a new active key and keeping the old one until all data
 * keys are re-wrapped. The key id is bound into each wrap, so a data key cannot be moved to another master key.
 */
public final class LocalMasterKeys implements KeyManagementService {
    private final String activeKeyId;
    private final Map<String, byte[]> keys;

    public LocalMasterKeys(String activeKeyId, Map<String, byte[]> keys) {
        keys.forEach((id, key) -> {
            if (key.length != AesGcm.KEY_BYTES) {
                throw new IllegalArgumentException("master key " + id + " must be 32 bytes (AES-256)");
            }
        });
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active master key " + activeKeyId + " is not among the keys");
        }
        this.activeKeyId = activeKeyId;
        this.keys = Map.copyOf(keys);
    }

    @Override
    public WrappedKey wrap(byte[] dataKey) {
        return new WrappedKey(activeKeyId, AesGcm.encrypt(keys.get(activeKeyId), dataKey, "oms-dek:" + activeKeyId));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped) {
        byte[] master = keys.get(wrapped.keyId());
        if (master == null) throw new CryptoFailure("unknown master key " + wrapped.keyId());
        return AesGcm.decrypt(master, wrapped.ciphertext(), "oms-dek:" + wrapped.keyId());
    }
}
