package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lock's arithmetic on the real table, on a hand-moved clock: when it starts, ends, and what resets it. */
class LockoutExpiryTest {
    private final IdentityFixture f = new IdentityFixture(IdentityProperties.defaults());

    private UserRow fail() {
        Instant now = f.clock.instant();
        return f.users.recordFailure(f.userId, now, 3, now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void locksAtTheNthConsecutiveFailureUntilTheLockDurationHasPassed() {
        assertThat(fail().lockedAt(f.clock.instant())).isFalse();
        assertThat(fail().lockedAt(f.clock.instant())).isFalse();
        UserRow locked = fail();
        assertThat(locked.failedLogins()).isEqualTo(3);
        assertThat(locked.lockedUntil()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(15)));
        f.clock.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertThat(f.users.findById(f.userId).orElseThrow().lockedAt(f.clock.instant())).isTrue();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.users.findById(f.userId).orElseThrow().lockedAt(f.clock.instant())).isFalse();
    }

    @Test
    void aFailureAfterTheLockRanOutStartsAFreshCount() {
        fail();
        fail();
        fail();
        f.clock.advance(Duration.ofMinutes(16));
        UserRow after = fail();
        assertThat(after.failedLogins()).isEqualTo(1);
        assertThat(after.lockedUntil()).isNull();
    }

    @Test
    void clearingFailuresLiftsTheLockAndResetsTheCount() {
        fail();
        fail();
        fail();
        f.users.clearFailures(f.userId);
        UserRow user = f.users.findById(f.userId).orElseThrow();
        assertThat(user.failedLogins()).isZero();
        assertThat(user.lockedAt(f.clock.instant())).isFalse();
    }

    @Test
    void unlockTokensAreSingleUseAndExpireAfterTheirLifetime() {
        LoggingNotifier notifier = new LoggingNotifier();
        UnlockTokens tokens = new UnlockTokens(f.db.jdbc, f.db.tx, f.users, notifier, f.clock, Duration.ofMinutes(30));
        String email = f.users.findById(f.userId).orElseThrow().email();
        fail();
        fail();
        fail();
        tokens.request(email);
        String token = notifier.lastUnlockToken(email).orElseThrow();
        assertThat(f.db.jdbc.sql("SELECT count(*) FROM unlock_tokens WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).as("stored hashed, never in clear").isZero();
        assertThat(tokens.redeem(token)).contains(f.userId);
        assertThat(f.users.findById(f.userId).orElseThrow().lockedUntil()).isNull();
        assertThat(tokens.redeem(token)).as("single use").isEmpty();

        tokens.request(email);
        String late = notifier.lastUnlockToken(email).orElseThrow();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(tokens.redeem(late)).as("expired").isEmpty();
    }

    @Test
    void aNewUnlockTokenVoidsTheEarlierOne() {
        LoggingNotifier notifier = new LoggingNotifier();
        UnlockTokens tokens = new UnlockTokens(f.db.jdbc, f.db.tx, f.users, notifier, f.clock, Duration.ofMinutes(30));
        String email = f.users.findById(f.userId).orElseThrow().email();
        tokens.request(email);
        String first = notifier.lastUnlockToken(email).orElseThrow();
        tokens.request(email);
        assertThat(tokens.redeem(first)).isEmpty();
        assertThat(tokens.redeem(notifier.lastUnlockToken(email).orElseThrow())).contains(f.userId);
    }

    @Test
    void anUnknownEmailGetsNoTokenAndNoError() {
        LoggingNotifier notifier = new LoggingNotifier();
        UnlockTokens tokens = new UnlockTokens(f.db.jdbc, f.db.tx, f.users, notifier, f.clock, Duration.ofMinutes(30));
        tokens.request("nobody-" + f.userId + "@example.com");
        assertThat(notifier.lastUnlockToken("nobody-" + f.userId + "@example.com")).isEmpty();
    }
}
