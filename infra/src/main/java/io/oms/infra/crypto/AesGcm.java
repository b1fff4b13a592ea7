package io.oms.infra.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK's provider, with a random 96-bit nonce per message and the associated data bound
 * into the tag. Output: nonce followed by ciphertext-and-tag. Both the data and the key-wrapping layer use it.
 */
final class AesGcm {
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static byte[] encrypt(byte[] key, byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws CryptoFailure when the key is wrong or the data or associated data were altered */
    static byte[] decrypt(byte[] key, byte[] message, String associatedData) {
        if (message.length < NONCE_BYTES + TAG_BITS / 8) throw new CryptoFailure("sealed data is truncated");
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(message, NONCE_BYTES), associatedData);
            return cipher.doFinal(message, NONCE_BYTES, message.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CryptoFailure("sealed data cannot be opened: wrong key, wrong context or altered data");
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String associatedData)
            throws GeneralSecurityException {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
