package io.oms.infra.identity.mfa;

import java.time.Instant;

/** Why an MFA management request was refused; the message names no code and no secret. */
public class MfaRefusal extends RuntimeException {
    public enum Reason {
        /** The user is unknown or disabled. */
        UNKNOWN_USER,
        /** Enrolling while a confirmed second factor exists. */
        ALREADY_ENROLLED,
        /** Confirming without a pending enrolment. */
        NOTHING_PENDING,
        /** Changing or disabling a second factor the user does not have. */
        NOT_ENROLLED,
        /** No code was given where one is needed. */
        CODE_REQUIRED,
        /** The code is not a current (unused) TOTP code, or not an unused recovery code where those count. */
        INVALID_CODE,
        /** Too many wrong codes in a row: every code is refused until {@link #retryAt()}. */
        LOCKED
    }

    private final Reason reason;
    private final Instant retryAt;

    public MfaRefusal(Reason reason, String message) {
        this(reason, message, null);
    }

    public MfaRefusal(Reason reason, String message, Instant retryAt) {
        super(message, null, false, false);
        this.reason = reason;
        this.retryAt = retryAt;
    }

    /** When a {@link Reason#LOCKED} refusal ends; null for the other reasons. */
    public Instant retryAt() {
        return retryAt;
    }

    public Reason reason() {
        return reason;
    }
}
