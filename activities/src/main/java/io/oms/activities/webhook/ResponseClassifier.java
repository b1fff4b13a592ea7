package io.oms.activities.webhook;

import io.oms.workflows.activities.AttemptOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What an HTTP answer means for a delivery: 2xx delivered; 408, 429 and 5xx worth another attempt (429 and 503 with
 * their Retry-After); 1xx, 3xx (redirects are never followed) and every other 4xx a permanent refusal.
 */
public final class ResponseClassifier {
    private ResponseClassifier() {}

    public static AttemptOutcome classify(int status, String retryAfterHeader, Instant now) {
        if (status >= 200 && status < 300) return AttemptOutcome.delivered(status);
        String reason = "HTTP_" + status;
        if (status == 429 || status == 503) return AttemptOutcome.retry(status, retryAfter(retryAfterHeader, now), reason);
        if (status == 408 || (status >= 500 && status < 600)) return AttemptOutcome.retry(status, null, reason);
        if (status >= 300 && status < 400) return AttemptOutcome.failed(status, reason + " (redirects are not followed)");
        return AttemptOutcome.failed(status, reason);
    }

    /**
     * The Retry-After header as a wait: delta-seconds or an HTTP-date (RFC 9110); null when absent, malformed or
     * already past.
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) return null;
        String value = header.trim();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException | ArithmeticException tooLarge) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return at.isAfter(now) ? Duration.between(now, at) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
