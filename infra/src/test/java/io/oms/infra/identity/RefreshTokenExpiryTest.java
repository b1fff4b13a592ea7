package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refresh-token lifetime and storage, on a hand-moved clock (rotation and reuse end to end: the server's tests). */
class RefreshTokenExpiryTest {
    private final IdentityFixture f = new IdentityFixture(IdentityProperties.defaults());

    @Test
    void aRefreshTokenExpiresAfterItsLifetimeAndEachRotationStartsAFreshOne() {
        Sessions.Started started = f.sessions.start(f.userId, f.tenant);
        f.clock.advance(Duration.ofDays(6));
        var rotated = (Sessions.Rotation.Rotated) f.sessions.rotate(started.refreshToken());
        f.clock.advance(Duration.ofDays(6)); // 12 days after login, 6 after the rotation: still valid
        var again = (Sessions.Rotation.Rotated) f.sessions.rotate(rotated.refreshToken());
        f.clock.advance(Duration.ofDays(7));
        assertThat(f.sessions.rotate(again.refreshToken())).isInstanceOf(Sessions.Rotation.Invalid.class);
    }

    @Test
    void onlyTheHashOfARefreshTokenIsStored() {
        Sessions.Started started = f.sessions.start(f.userId, f.tenant);
        assertThat(f.db.jdbc.sql("SELECT token_hash FROM refresh_tokens WHERE session_id = :s")
                .param("s", started.session().id()).query(String.class).single())
                .isEqualTo(OpaqueTokens.hash(started.refreshToken())).doesNotContain(started.refreshToken());
    }

    @Test
    void reuseRevokesTheSessionAndItsNewestTokenToo() {
        Sessions.Started started = f.sessions.start(f.userId, f.tenant);
        var rotated = (Sessions.Rotation.Rotated) f.sessions.rotate(started.refreshToken());
        assertThat(f.sessions.rotate(started.refreshToken())).isEqualTo(new Sessions.Rotation.Reused(started.session().id()));
        assertThat(f.sessions.rotate(rotated.refreshToken())).isInstanceOf(Sessions.Rotation.Invalid.class);
        assertThat(f.revocations.isRevoked(started.session().id())).isTrue();
    }
}
