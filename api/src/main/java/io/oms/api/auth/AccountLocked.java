package io.oms.api.auth;

import io.oms.api.error.ApiException;
import io.oms.workflows.domain.ErrorCode;
import java.util.List;

/** A login refused because the account is locked; the answer carries Retry-After (seconds). */
final class AccountLocked extends ApiException {

    AccountLocked(long retryAfterSeconds) {
        super(ErrorCode.ACCOUNT_LOCKED, "this account is locked after too many failed logins", List.of(),
                "wait for Retry-After seconds, or request an unlock token (POST /api/v1/auth/unlock/request)",
                retryAfterSeconds);
    }
}
