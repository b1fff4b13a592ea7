package io.oms.infra.identity;

import io.oms.infra.TestDb;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.ids.UuidV7;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The identity services on the test database and a hand-moved clock, plus a tenant and a member of it. */
final class IdentityFixture {
    final TestDb db = TestDb.get();
    final MutableClock clock = new MutableClock(Instant.parse("2031-03-02T10:00:00Z"));
    final IdentityProperties settings;
    final SecretSealer sealer = new SecretSealer(new LocalMasterKeys("test", Map.of("test", randomKey())));
    final SigningKeys keys;
    final SessionRevocations revocations;
    final AccessTokens tokens;
    final Sessions sessions;
    final UserRepository users = new UserRepository(db.jdbc);
    final String tenant = db.newTenant();
    final UUID userId = UuidV7.next();

    IdentityFixture(IdentityProperties settings) {
        this.settings = settings;
        // The signing keys are global: each test starts from none, on its own clock.
        db.jdbc.sql("DELETE FROM signing_keys").update();
        keys = new SigningKeys(db.jdbc, db.tx, sealer, clock, settings);
        revocations = new SessionRevocations(db.jdbc, settings.revocationCache());
        tokens = new AccessTokens(keys, revocations, clock, settings);
        sessions = new Sessions(db.jdbc, db.tx, revocations, clock, settings.refreshTokenTtl());
        users.insert(userId, "u-" + userId + "@example.com", "Test User", "{noop}unused", false);
        new MembershipRepository(db.jdbc, db.tx).ensure(tenant, userId, Role.TRADER);
    }

    SigningKeys anotherProcessKeys() {
        return new SigningKeys(db.jdbc, db.tx, sealer, clock, settings);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
