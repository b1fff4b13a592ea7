package io.oms.activities.webhook;

/**
 * What came back from one POST: the status and Retry-After header, or the network error (then status is 0), the
 * first bytes of the body, and how long it took.
 */
record HttpAttempt(int status, String retryAfter, String networkError, String excerpt, long latencyMs) {
    boolean answered() {
        return networkError == null;
    }
}
