package io.oms.infra.identity.mfa;

import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.identity.SecondFactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The second factor login asks for: a confirmed TOTP secret, with the user's recovery codes as the fallback.
 *
 * <p>A TOTP code is accepted once: the step it belongs to is recorded, and a code of that step or an earlier one
 * is refused afterwards (RFC 6238 §5.2), so a code seen over a shoulder or in a log cannot be replayed. After
 * {@link #MAX_FAILURES} wrong codes in a row every code is refused for {@link #LOCKOUT}, which bounds guessing
 * through any endpoint that checks a code (login, disable, regenerate). Neither codes nor secrets are ever
 * logged, and a refusal does not say why.
 */
public class TotpSecondFactor implements SecondFactor {
    public static final int MAX_FAILURES = 10;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final MfaRepository repository;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final RecoveryCodes recoveryCodes;
    private final Clock clock;

    public TotpSecondFactor(MfaRepository repository, SecretSealer sealer, TotpCodes totp, RecoveryCodes recoveryCodes,
                            Clock clock) {
        this.repository = repository;
        this.sealer = sealer;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
        this.clock = clock;
    }

    /** The sealing context of a user's secret: a sealed secret copied to another user's row does not open. */
    static String context(UUID userId) {
        return "totp:" + userId;
    }

    @Override
    public boolean enrolled(UUID userId) {
        return confirmedRow(userId).isPresent();
    }

    /** Accepts a current TOTP code or an unused recovery code (which it uses up). */
    @Override
    public boolean verify(UUID userId, String code) {
        return check(userId, code, true);
    }

    /** Accepts only a current TOTP code (for changes that a recovery code must not authorise). */
    public boolean verifyTotp(UUID userId, String code) {
        return check(userId, code, false);
    }

    /** Until when every code is refused after too many wrong ones; empty when not locked. */
    public Optional<Instant> lockedUntil(UUID userId) {
        Instant now = clock.instant();
        return confirmedRow(userId).filter(row -> row.lockedAt(now)).map(MfaRepository.TotpRow::lockedUntil);
    }

    private boolean check(UUID userId, String code, boolean recoveryCodesCount) {
        var row = confirmedRow(userId);
        Instant now = clock.instant();
        if (row.isEmpty() || row.get().lockedAt(now)) return false;
        boolean accepted = totpAccepted(row.get(), code) || (recoveryCodesCount && recoveryCodeAccepted(userId, code));
        if (!accepted) repository.recordFailure(userId, MAX_FAILURES, now.plus(LOCKOUT));
        return accepted;
    }

    private boolean totpAccepted(MfaRepository.TotpRow row, String code) {
        String normalized = TotpCodes.normalize(code);
        if (normalized == null) return false;
        long lastUsed = row.lastUsedStep() == null ? Long.MIN_VALUE : row.lastUsedStep();
        String secret = sealer.openString(row.secretSealed(), context(row.userId()));
        OptionalLong step = totp.matchingStep(secret, normalized, lastUsed);
        // the conditional update decides between two requests racing with the same code
        return step.isPresent() && repository.useStep(row.userId(), step.getAsLong());
    }

    private boolean recoveryCodeAccepted(UUID userId, String code) {
        String normalized = RecoveryCodes.normalize(code);
        if (normalized == null) return false;
        MfaRepository.RecoveryCodeRow match = null;
        for (var stored : repository.unusedRecoveryCodes(userId)) {
            // every stored hash is checked, so the time taken does not tell which code (if any) matched
            if (recoveryCodes.matches(normalized, stored.codeHash())) match = stored;
        }
        if (match == null || !repository.useRecoveryCode(match.id())) return false;
        repository.clearFailures(userId);
        return true;
    }

    private Optional<MfaRepository.TotpRow> confirmedRow(UUID userId) {
        return userId == null ? Optional.empty() : repository.find(userId).filter(MfaRepository.TotpRow::confirmed);
    }
}
