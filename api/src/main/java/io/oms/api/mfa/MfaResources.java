package io.oms.api.mfa;

import io.oms.infra.identity.mfa.TotpCodes;
import io.oms.infra.identity.mfa.TotpEnrolment;
import java.time.Instant;
import java.util.List;

/** The bodies of the MFA endpoints. */
final class MfaResources {
    private MfaResources() {}

    /** A request carrying a TOTP code (or, to disable, a recovery code). */
    record CodeBody(String code) {}

    /** The pending enrolment: shown once; the secret is for apps that cannot read the URI (or its QR code). */
    record TotpEnrolmentResource(String otpauthUri, String secret, String issuer, String account, String algorithm,
                                 int digits, int period) {
        static TotpEnrolmentResource of(TotpEnrolment.Started started) {
            return new TotpEnrolmentResource(started.otpauthUri(), started.secret(), TotpCodes.ISSUER, started.account(),
                    "SHA1", TotpCodes.DIGITS, TotpCodes.PERIOD_SECONDS);
        }

        @Override
        public String toString() {
            return "TotpEnrolmentResource[account=" + account + "]"; // never the secret
        }
    }

    /** New recovery codes: shown once, each usable once. */
    record RecoveryCodesResource(List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "RecoveryCodesResource[" + recoveryCodes.size() + " codes]";
        }
    }

    record MfaStatusResource(boolean enrolled, boolean pending, Instant confirmedAt, int recoveryCodesRemaining,
                             Instant lockedUntil) {
        static MfaStatusResource of(TotpEnrolment.Status s) {
            return new MfaStatusResource(s.enrolled(), s.pending(), s.confirmedAt(), s.recoveryCodesRemaining(),
                    s.lockedUntil());
        }
    }
}
