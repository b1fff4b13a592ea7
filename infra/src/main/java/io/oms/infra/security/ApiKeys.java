package io.oms.infra.security;

import io.oms.infra.ids.UuidV7;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * API keys: {@code oms_<prefix>_<secret>}, an 8-character lowercase alphanumeric prefix (stored in clear, for
 * lookup) and a 32-character alphanumeric secret. Only the SHA-256 hex of the whole key is stored; the
 * plaintext is returned once by {@link #create} and never logged.
 */
@Service
public class ApiKeys {
    public static final Pattern FORMAT = Pattern.compile("oms_([a-z0-9]{8})_([A-Za-z0-9]{32})");
    private static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final byte[] DUMMY_HASH = new byte[64];
    /** last_used_at is this precise: a key used all day is written once a minute, not on every request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeyRepository repository;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public ApiKeys(ApiKeyRepository repository) {
        this(repository, Clock.systemUTC());
    }

    public ApiKeys(ApiKeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Creates a new key for the tenant and returns its plaintext, which is not stored anywhere. */
    public String create(String tenantId, String name, List<String> scopes) {
        return create(tenantId, name, scopes, null);
    }

    /** As {@link #create(String, String, List)} with an expiry ({@code null} = never). */
    public String create(String tenantId, String name, List<String> scopes, Instant expiresAt) {
        return issue(tenantId, name, scopes, expiresAt, null).plaintext();
    }

    /**
     * Creates a key owned by a user ({@code ownerUserId} null = no owner), bounded by the owner's role at every use
     * (see {@link EffectiveScopes}). The answer holds the only copy of the plaintext.
     */
    public IssuedKey issue(String tenantId, String name, List<String> scopes, Instant expiresAt, UUID ownerUserId) {
        String key = newKey();
        ApiKeyRow row = row(tenantId, name, key, scopes, expiresAt, ownerUserId);
        repository.insert(row);
        return new IssuedKey(row, key);
    }

    /**
     * A new secret for one of the tenant's unrevoked keys (same id, name, scopes, owner and expiry). The old secret
     * stops working at once: there is no grace period. Empty when there is no such unrevoked key.
     */
    public Optional<IssuedKey> rotate(String tenantId, UUID keyId) {
        String key = newKey();
        if (!repository.replaceSecret(tenantId, keyId, prefixOf(key), hash(key))) {
            return Optional.empty();
        }
        return repository.find(tenantId, keyId).map(row -> new IssuedKey(row, key));
    }

    /**
     * Imports a given key (e.g. {@code OMS_BOOTSTRAP_API_KEY}) unless it is already stored. Idempotent.
     *
     * @throws IllegalArgumentException when the key is malformed, or its prefix belongs to a different key or tenant
     */
    public void ensure(String tenantId, String name, String plaintext, List<String> scopes) {
        var m = plaintext == null ? null : FORMAT.matcher(plaintext);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("API key must look like oms_<8 lowercase alphanumerics>_<32 alphanumerics>");
        }
        Optional<ApiKeyRow> existing = repository.findByPrefix(m.group(1));
        if (existing.isEmpty()) {
            repository.insert(row(tenantId, name, plaintext, scopes, null, null));
            return;
        }
        ApiKeyRow row = existing.get();
        if (!hashMatches(row.keyHash(), plaintext) || !row.tenantId().equals(tenantId)) {
            throw new IllegalArgumentException("another API key with prefix " + row.prefix() + " exists");
        }
    }

    /**
     * The principal of a presented key, if it is well formed, known, not revoked, not expired, of an active tenant,
     * and (for an owned key) its owner still a member of that tenant. Its scopes are the key's effective ones
     * ({@link EffectiveScopes}). Marks the key used, at most once a minute.
     */
    public Optional<ApiPrincipal> authenticate(String presented) {
        var m = presented == null ? null : FORMAT.matcher(presented);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Optional<KeyLookup> found = repository.lookup(m.group(1));
        if (found.isEmpty()) {
            hashMatches(null, presented); // same work as a known prefix
            return Optional.empty();
        }
        KeyLookup lookup = found.get();
        ApiKeyRow row = lookup.key();
        Instant now = clock.instant();
        boolean valid = hashMatches(row.keyHash(), presented) & row.isActive(now) & lookup.tenantActive();
        Optional<List<String>> scopes = EffectiveScopes.of(lookup);
        if (!valid || scopes.isEmpty()) {
            return Optional.empty();
        }
        if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_RESOLUTION))) {
            repository.touch(row.id());
        }
        return Optional.of(new ApiPrincipal(row.tenantId(), row.id(), row.ownerUserId(), null, scopes.get()));
    }

    /** Revokes one of the tenant's keys; true when it was active. */
    public boolean revoke(String tenantId, UUID keyId) {
        return repository.revoke(tenantId, keyId);
    }

    /** The stored form of a key: SHA-256 of its UTF-8 bytes, lowercase hex. */
    public static String hash(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static boolean hashMatches(String storedHex, String presented) {
        byte[] expected = storedHex == null ? DUMMY_HASH : storedHex.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = hash(presented).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) && storedHex != null;
    }

    private ApiKeyRow row(String tenantId, String name, String key, List<String> scopes, Instant expiresAt,
                          UUID ownerUserId) {
        // Cut to the microseconds PostgreSQL keeps, so the returned row equals the stored one.
        return new ApiKeyRow(UuidV7.next(), tenantId, name, prefixOf(key), hash(key), scopes,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS), null, ownerUserId, null);
    }

    private String newKey() {
        return "oms_" + randomString(PREFIX_ALPHABET, 8) + "_" + randomString(SECRET_ALPHABET, 32);
    }

    private static String prefixOf(String key) {
        return key.substring(4, 12);
    }

    private String randomString(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** For logs and UIs: the key's public part only. */
    public static String redact(String key) {
        var m = key == null ? null : FORMAT.matcher(key);
        return m != null && m.matches() ? "oms_" + m.group(1) + "_…" : "<malformed>";
    }
}
