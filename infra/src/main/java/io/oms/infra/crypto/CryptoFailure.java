package io.oms.infra.crypto;

/** Sealed data could not be opened. The message never contains key material or plaintext. */
public class CryptoFailure extends RuntimeException {
    public CryptoFailure(String message) {
        super(message);
    }
}
