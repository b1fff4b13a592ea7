package io.oms.infra.identity.mfa;

import static io.oms.infra.identity.mfa.MfaRefusal.Reason.*;

import io.oms.infra.crypto.SecretSealer;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's management of their TOTP second factor: enrol (a pending secret), confirm it with a first code
 * (which makes login ask for it and hands out recovery codes), regenerate the recovery codes, disable, and
 * status. The base32 secret and the recovery codes leave the server once, in the answer that created them;
 * only the sealed secret and the codes' hashes are stored.
 */
public class TotpEnrolment {
    /** What the user's authenticator app needs; shown once. */
    public record Started(String otpauthUri, String secret, String account) {
        @Override
        public String toString() {
            return "Started[account=" + account + "]"; // never the secret
        }
    }

    /** {@code lockedUntil}: set while too many wrong codes lock every code out. */
    public record Status(boolean enrolled, boolean pending, Instant confirmedAt, int recoveryCodesRemaining,
                         Instant lockedUntil) {}

    private final TransactionTemplate tx;
    private final MfaRepository repository;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final RecoveryCodes recoveryCodes;
    private final TotpSecondFactor secondFactor;

    public TotpEnrolment(TransactionTemplate tx, MfaRepository repository, SecretSealer sealer, TotpCodes totp,
                         RecoveryCodes recoveryCodes, TotpSecondFactor secondFactor) {
        this.tx = tx;
        this.repository = repository;
        this.sealer = sealer;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.secondFactor = secondFactor;
    }

    /** Creates (or replaces) the pending secret. */
    public Started enrol(UUID userId) {
        String email = repository.emailOf(userId)
                .orElseThrow(() -> new MfaRefusal(UNKNOWN_USER, "the user does not exist or is disabled"));
        String secret = totp.newSecret();
        if (!repository.upsertPending(userId, sealer.seal(secret, TotpSecondFactor.context(userId)))) {
            throw new MfaRefusal(ALREADY_ENROLLED, "TOTP is already enabled; disable it before enrolling again");
        }
        return new Started(totp.otpauthUri(email, secret), secret, email);
    }

    /** Confirms the pending secret with a current code from it; answers the new recovery codes (shown once). */
    public List<String> confirm(UUID userId, String code) {
        var row = repository.find(userId).orElseThrow(() -> new MfaRefusal(NOTHING_PENDING,
                "there is no pending TOTP enrolment; enrol first"));
        if (row.confirmed()) throw new MfaRefusal(ALREADY_ENROLLED, "TOTP is already enabled");
        requireCode(code);
        String normalized = TotpCodes.normalize(code);
        OptionalLong step = normalized == null ? OptionalLong.empty() : totp.matchingStep(
                sealer.openString(row.secretSealed(), TotpSecondFactor.context(userId)), normalized, Long.MIN_VALUE);
        if (step.isEmpty()) throw invalidCode();
        return tx.execute(status -> {
            // the checked secret, not one a concurrent enrol put in its place, is the one confirmed
            if (!repository.confirm(userId, row.secretSealed(), step.getAsLong())) {
                throw new MfaRefusal(NOTHING_PENDING, "the pending enrolment changed meanwhile; enrol again");
            }
            return newRecoveryCodes(userId);
        });
    }

    /** Replaces the recovery codes; needs a current TOTP code (a recovery code does not count here). */
    public List<String> regenerateRecoveryCodes(UUID userId, String code) {
        requireEnrolled(userId);
        requireCode(code);
        requireNotLocked(userId);
        if (!secondFactor.verifyTotp(userId, code)) throw invalidCode();
        return tx.execute(status -> newRecoveryCodes(userId));
    }

    /**
     * Removes the second factor. A confirmed one needs a current TOTP code or an unused recovery code; a pending
     * one (never asked at login) is simply discarded.
     */
    public void disable(UUID userId, String code) {
        var row = repository.find(userId).orElseThrow(() -> new MfaRefusal(NOT_ENROLLED, "TOTP is not enabled"));
        if (row.confirmed()) {
            requireCode(code);
            requireNotLocked(userId);
            if (!secondFactor.verify(userId, code)) throw invalidCode();
        }
        tx.executeWithoutResult(status -> repository.delete(userId));
    }

    public Status status(UUID userId) {
        var row = repository.find(userId);
        boolean enrolled = row.map(MfaRepository.TotpRow::confirmed).orElse(false);
        return new Status(enrolled, row.isPresent() && !enrolled, row.map(MfaRepository.TotpRow::confirmedAt).orElse(null),
                enrolled ? repository.countUnusedRecoveryCodes(userId) : 0, secondFactor.lockedUntil(userId).orElse(null));
    }

    private void requireEnrolled(UUID userId) {
        if (!secondFactor.enrolled(userId)) throw new MfaRefusal(NOT_ENROLLED, "TOTP is not enabled");
    }

    private static void requireCode(String code) {
        if (code == null || code.isBlank()) throw new MfaRefusal(CODE_REQUIRED, "a code is required");
    }

    private void requireNotLocked(UUID userId) {
        secondFactor.lockedUntil(userId).ifPresent(until -> {
            throw new MfaRefusal(LOCKED, "too many wrong codes; try again later", until);
        });
    }

    private List<String> newRecoveryCodes(UUID userId) {
        List<String> codes = recoveryCodes.generate();
        repository.replaceRecoveryCodes(userId, codes.stream().map(recoveryCodes::hash).toList());
        return codes;
    }

    private static MfaRefusal invalidCode() {
        return new MfaRefusal(INVALID_CODE, "the code is not valid");
    }
}
