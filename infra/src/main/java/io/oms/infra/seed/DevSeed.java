package io.oms.infra.seed;

/**
 * The result of seeding: the admin key's plaintext, and whether it was generated now (then show it once to
 * the user; never log it) rather than imported from the given bootstrap key.
 */
public record DevSeed(String apiKey, boolean generated) {
    @Override
    public String toString() {
        return "DevSeed[apiKey=<redacted>, generated=" + generated + "]";
    }
}
