package io.oms.workflows.domain;

/**
 * The closed vocabulary of failures. Each code is mapped once to an HTTP status (in the API's error
 * handler) and used as the {@code type} of Temporal application failures.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    UNAUTHENTICATED(401),
    /** Login: the password was right but the user's second factor (TOTP or recovery code) is missing. */
    MFA_REQUIRED(401),
    /** Refresh: the refresh token had already been used; its whole session is now revoked. */
    REFRESH_TOKEN_REUSED(401),
    /**
     * Inbound webhook: the Standard Webhooks headers are missing, the timestamp is malformed or outside the
     * tolerance, or no signature matches the source's secret (details name which). Nothing is stored.
     */
    WEBHOOK_SIGNATURE_INVALID(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    /** The path exists but not for this HTTP method (the answer's {@code Allow} header lists those it takes). */
    METHOD_NOT_ALLOWED(405),
    /** The client's {@code Accept} excludes JSON, the only representation the API answers with. */
    NOT_ACCEPTABLE(406),
    /** The request body's {@code Content-Type} is not one the endpoint reads (JSON). */
    UNSUPPORTED_MEDIA_TYPE(415),
    STATE_CONFLICT(409),
    DUPLICATE_CLIENT_ORDER_ID(409),
    IDEMPOTENT_REPLAY(409),
    /** Inbound webhook: the source already delivered a message with this webhook-id; it is not accepted twice. */
    WEBHOOK_REPLAYED(409),
    /** A conditional request sent without its precondition (PATCH without If-Match). */
    PRECONDITION_REQUIRED(428),
    /** Login: too many consecutive failures; answered with Retry-After until the lock runs out or is lifted. */
    ACCOUNT_LOCKED(423),
    /** Refused by the OMS's own pre-route checks before reaching the broker (the order ends DENIED). */
    ORDER_DENIED(422),
    RISK_LIMIT_BREACH(422),
    COMPLIANCE_BLOCKED(422),
    BROKER_REJECT(422),
    /** The request body exceeds the configured maximum size. */
    PAYLOAD_TOO_LARGE(413),
    RATE_LIMITED(429),
    /** A second-factor code (TOTP or recovery) that is wrong, already used, or not of the right kind. */
    MFA_CODE_INVALID(422),
    INTERNAL_ERROR(500),
    SERVICE_UNAVAILABLE(503),
    BROKER_UNAVAILABLE(503),
    /** The account's IB session (re)connected and its reconciliation has not finished: new orders wait (fail-closed). */
    BROKER_RECONCILING(503),
    BROKER_TIMEOUT(504),
    /**
     * A placement IB never acknowledged (in-flight threshold) and under whose orderRef it has no order, open,
     * completed or executed, after the bounded lookups: IB never saw it. The failure type of a placement that is
     * not retried (the order is not sent again); the order ends REJECTED with this code in its reject reason.
     */
    BROKER_NO_ACK(504);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
