package io.oms.workflows.activities;

import java.time.Duration;

/**
 * What one HTTP attempt of a webhook delivery came to. {@code statusCode}: the HTTP status, null when none came back
 * (network error, timeout, refused target, endpoint gone). {@code retryAfter}: the receiver's Retry-After on a
 * 429/503, else null. {@code reason}: a short machine-readable cause, e.g. {@code HTTP_503}, {@code NETWORK_ERROR},
 * {@code ENDPOINT_DELETED}.
 */
public record AttemptOutcome(Kind kind, Integer statusCode, Duration retryAfter, String reason) {
    public enum Kind {
        /** 2xx: done. */
        DELIVERED,
        /** 408, 429, 5xx, network error or timeout: worth another attempt after a wait. */
        RETRY,
        /** 3xx, other 4xx, refused target, endpoint deleted or paused: no further attempt. */
        FAILED
    }

    public AttemptOutcome {
        if (kind == null) throw new IllegalArgumentException("kind is required");
    }

    public static AttemptOutcome delivered(int statusCode) {
        return new AttemptOutcome(Kind.DELIVERED, statusCode, null, "HTTP_" + statusCode);
    }

    public static AttemptOutcome retry(Integer statusCode, Duration retryAfter, String reason) {
        return new AttemptOutcome(Kind.RETRY, statusCode, retryAfter, reason);
    }

    public static AttemptOutcome failed(Integer statusCode, String reason) {
        return new AttemptOutcome(Kind.FAILED, statusCode, null, reason);
    }
}
