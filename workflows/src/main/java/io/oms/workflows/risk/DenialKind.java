package io.oms.workflows.risk;

import io.oms.workflows.domain.ErrorCode;

/** Whether a denial breaks a risk limit or a compliance rule; each answers with its own error code (422). */
public enum DenialKind {
    RISK(ErrorCode.RISK_LIMIT_BREACH),
    COMPLIANCE(ErrorCode.COMPLIANCE_BLOCKED);

    private final ErrorCode errorCode;

    DenialKind(ErrorCode errorCode) {
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
