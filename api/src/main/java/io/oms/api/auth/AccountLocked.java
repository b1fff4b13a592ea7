package io.oms.api.auth;

import io.oms.api.error.ApiException;
import io.oms.workflows.domain.ErrorCode;

/** A login refused because the account is locked; the answer carries Retry-After (seconds). */
final class AccountLocked extends ApiException {
    private final long retryAfterSeconds;

    AccountLocked(long retryAfterSeconds) {
        super(ErrorCode.ACCOUNT_LOCKED, "this account is locked after too many failed logins", java.util.List.of(),
                "wait for Retry-After seconds, or request an unlock token (POST /api/v1/auth/unlock/request)");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
