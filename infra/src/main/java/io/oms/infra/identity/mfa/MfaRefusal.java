package io.oms.infra.identity.mfa;

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
        /** The code is not a current (unused) TOTP code, or not an unused recovery code where those count. */
        INVALID_CODE
    }

    private final Reason reason;

    public MfaRefusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
