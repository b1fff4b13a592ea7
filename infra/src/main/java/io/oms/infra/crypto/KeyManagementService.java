package io.oms.infra.crypto;

/**
 * The port to whatever holds the master keys: wraps and unwraps data keys, never hands a master key out.
 * {@link LocalMasterKeys} is the adapter for keys from configuration; a Vault transit or cloud-KMS adapter
 * implements the same two calls (their encrypt/decrypt of a data key).
 */
public interface KeyManagementService {
    /** Wraps a fresh data key with the active master key. */
    WrappedKey wrap(byte[] dataKey);

    /** Unwraps a data key with the master key named in it; fails when that key is unknown or the data altered. */
    byte[] unwrap(WrappedKey wrapped);
}
