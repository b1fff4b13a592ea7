package io.oms.infra.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Envelope encryption of secrets that must be read back (broker passwords, TOTP seeds, token-signing keys):
 * each secret gets its own AES-256-GCM data key, wrapped by the master key through {@link KeyManagementService}.
 * The sealed text {@code v1.<masterKeyId>.<wrapped data key>.<ciphertext>} (base64url) is what is stored.
 *
 * <p>The context (e.g. {@code "totp:" + userId}) is bound into the ciphertext: a sealed value copied to another
 * row does not open there.
 */
public final class SecretSealer {
    private static final String VERSION = "v1";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final KeyManagementService kms;

    public SecretSealer(KeyManagementService kms) {
        this.kms = kms;
    }

    public String seal(byte[] secret, String context) {
        byte[] dataKey = AesGcm.newKey();
        try {
            WrappedKey wrapped = kms.wrap(dataKey);
            byte[] ciphertext = AesGcm.encrypt(dataKey, secret, context);
            return String.join(".", VERSION, wrapped.keyId(), B64.encodeToString(wrapped.ciphertext()),
                    B64.encodeToString(ciphertext));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public String seal(String secret, String context) {
        return seal(secret.getBytes(StandardCharsets.UTF_8), context);
    }

    /** @throws CryptoFailure when the text is not sealed data, the master key is unknown, or the context differs */
    public byte[] open(String sealed, String context) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) throw new CryptoFailure("not sealed data of version v1");
        byte[] dataKey;
        try {
            dataKey = kms.unwrap(new WrappedKey(parts[1], B64D.decode(parts[2])));
        } catch (IllegalArgumentException malformed) {
            throw new CryptoFailure("sealed data is malformed");
        }
        try {
            return AesGcm.decrypt(dataKey, B64D.decode(parts[3]), context);
        } catch (IllegalArgumentException malformed) {
            throw new CryptoFailure("sealed data is malformed");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public String openString(String sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /** The master key id a sealed value was wrapped with (for re-wrapping after a rotation); no decryption. */
    public static String masterKeyIdOf(String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4) throw new CryptoFailure("not sealed data of version v1");
        return parts[1];
    }
}
