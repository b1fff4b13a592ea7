package io.oms.infra.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature scheme (standardwebhooks.com): a secret {@code whsec_<base64 key>}; headers
 * {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature}, a space-separated list
 * of {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, one per secret that signs (two while a
 * rotation overlaps). Used both to sign outbound deliveries and to verify inbound messages.
 */
public final class StandardWebhooks {
    public static final String HEADER_ID = "webhook-id";
    public static final String HEADER_TIMESTAMP = "webhook-timestamp";
    public static final String HEADER_SIGNATURE = "webhook-signature";
    public static final String SECRET_PREFIX = "whsec_";
    /** How far a message's timestamp may be from the receiver's clock, either way. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    private static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Why a message was refused, or {@link #VALID}. */
    public enum Verdict { VALID, MISSING_HEADERS, MALFORMED_TIMESTAMP, TIMESTAMP_OUT_OF_TOLERANCE, SIGNATURE_MISMATCH }

    private StandardWebhooks() {}

    /** A fresh secret: {@code whsec_} and 32 random bytes in base64. */
    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** One signature, {@code v1,<base64>}. */
    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The {@code webhook-signature} header value: one signature per secret, space-separated. */
    public static String signatureHeader(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        if (secrets.isEmpty()) throw new IllegalArgumentException("at least one secret signs");
        return String.join(" ", secrets.stream().map(s -> sign(s, messageId, timestampSeconds, body)).toList());
    }

    /**
     * Checks a received message against the secrets that may have signed it: the timestamp must be within
     * {@code tolerance} of {@code now}, and one of the header's v1 signatures must match one secret's.
     * Comparison is constant-time. Replay (a webhook-id seen before) is the caller's check.
     */
    public static Verdict verify(List<String> secrets, String messageId, String timestamp, String signatureHeader,
                                 byte[] body, Instant now, Duration tolerance) {
        if (isBlank(messageId) || isBlank(timestamp) || isBlank(signatureHeader)) return Verdict.MISSING_HEADERS;
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Verdict.MALFORMED_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) return Verdict.TIMESTAMP_OUT_OF_TOLERANCE;
        for (String secret : secrets) {
            byte[] expected = sign(secret, messageId, seconds, body).getBytes(StandardCharsets.UTF_8);
            for (String candidate : signatureHeader.trim().split(" +")) {
                if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.UTF_8))) return Verdict.VALID;
            }
        }
        return Verdict.SIGNATURE_MISMATCH;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
