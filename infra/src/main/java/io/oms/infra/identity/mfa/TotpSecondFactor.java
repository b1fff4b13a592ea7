package io.oms.infra.identity.mfa;

import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.identity.SecondFactor;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The second factor login asks for: a confirmed TOTP secret, with the user's recovery codes as the fallback.
 * A TOTP code is accepted once: the step it belongs to is recorded, and a code of that step or an earlier one
 * is refused afterwards (RFC 6238 §5.2), so a code seen over a shoulder or in a log cannot be replayed. Neither
 * codes nor secrets are ever logged, and no failure says why a code was refused.
 */
public class TotpSecondFactor implements SecondFactor {
    private final MfaRepository repository;
    private final SecretSealer sealer;
    private final TotpCodes totp;
    private final RecoveryCodes recoveryCodes;

    public TotpSecondFactor(MfaRepository repository, SecretSealer sealer, TotpCodes totp, RecoveryCodes recoveryCodes) {
        this.repository = repository;
        this.sealer = sealer;
        this.totp = totp;
        this.recoveryCodes = recoveryCodes;
    }

    /** The sealing context of a user's secret: a sealed secret copied to another user's row does not open. */
    static String context(UUID userId) {
        return "totp:" + userId;
    }

    @Override
    public boolean enrolled(UUID userId) {
        return userId != null && repository.find(userId).map(MfaRepository.TotpRow::confirmed).orElse(false);
    }

    @Override
    public boolean verify(UUID userId, String code) {
        return verifyTotp(userId, code) || verifyRecoveryCode(userId, code);
    }

    /** True when {@code code} is the user's current, not yet used TOTP code; uses its step up. */
    public boolean verifyTotp(UUID userId, String code) {
        String normalized = TotpCodes.normalize(code);
        if (userId == null || normalized == null) return false;
        var row = repository.find(userId).filter(MfaRepository.TotpRow::confirmed);
        if (row.isEmpty()) return false;
        long lastUsed = row.get().lastUsedStep() == null ? Long.MIN_VALUE : row.get().lastUsedStep();
        String secret = sealer.openString(row.get().secretSealed(), context(userId));
        OptionalLong step = totp.matchingStep(secret, normalized, lastUsed);
        // the conditional update decides between two requests racing with the same code
        return step.isPresent() && repository.useStep(userId, step.getAsLong());
    }

    /** True when {@code code} is one of the user's unused recovery codes, which it then uses up. */
    public boolean verifyRecoveryCode(UUID userId, String code) {
        String normalized = RecoveryCodes.normalize(code);
        if (userId == null || normalized == null || !enrolled(userId)) return false;
        MfaRepository.RecoveryCodeRow match = null;
        for (var row : repository.unusedRecoveryCodes(userId)) {
            // every stored hash is checked, so the time taken does not tell which code (if any) matched
            if (recoveryCodes.matches(normalized, row.codeHash())) match = row;
        }
        return match != null && repository.useRecoveryCode(match.id());
    }
}
