package io.oms.infra.identity.mfa;

import io.oms.ib.sim.ManualClock;
import io.oms.infra.TestDb;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The MFA services on the real test database, a fresh user each, and a clock the test moves. */
final class MfaFixture {
    final TestDb db = TestDb.get();
    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    final MfaRepository repository = new MfaRepository(db.jdbc);
    final SecretSealer sealer = new SecretSealer(new LocalMasterKeys("k1", Map.of("k1", randomKey())));
    final TotpCodes totp = new TotpCodes(clock);
    final RecoveryCodes recoveryCodes = new RecoveryCodes();
    final TotpSecondFactor secondFactor = new TotpSecondFactor(repository, sealer, totp, recoveryCodes, clock);
    final TotpEnrolment enrolment = new TotpEnrolment(db.tx, repository, sealer, totp, recoveryCodes, secondFactor);

    UUID newUser() {
        UUID id = UUID.randomUUID();
        db.jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :email, '{noop}unused')")
                .param("id", id).param("email", "u-" + id + "@example.com").update();
        return id;
    }

    /** What the user's authenticator app shows now for the secret. */
    String codeNow(String secret) {
        return totp.codeAt(secret, clock.instant());
    }

    void nextStep() {
        clock.advance(Duration.ofSeconds(TotpCodes.PERIOD_SECONDS));
    }

    /** Enrols and confirms a new user; the secret and recovery codes are what the user was shown. */
    Enrolled enrolledUser() {
        UUID user = newUser();
        String secret = enrolment.enrol(user).secret();
        var codes = enrolment.confirm(user, codeNow(secret));
        nextStep(); // the confirming code's step is used up
        return new Enrolled(user, secret, codes);
    }

    record Enrolled(UUID user, String secret, java.util.List<String> recoveryCodes) {}

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
