package io.oms.infra.security;

/** A key just created or rotated: its stored row and its plaintext, which exists nowhere else. */
public record IssuedKey(ApiKeyRow row, String plaintext) {
    @Override
    public String toString() {
        return "IssuedKey[" + row.id() + ", " + ApiKeys.redact(plaintext) + "]";
    }
}
