package io.oms.infra.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bound on how late a revocation made by another process is seen: the cache's time to live. */
class SessionRevocationCacheTest {
    private final IdentityFixture f = new IdentityFixture(IdentityProperties.defaults());

    @Test
    void aRevocationByAnotherProcessIsSeenOnceTheCachedAnswerHasAged() throws InterruptedException {
        UUID session = f.sessions.start(f.userId, f.tenant).session().id();
        SessionRevocations here = new SessionRevocations(f.db.jdbc, Duration.ofMillis(200));
        assertThat(here.isRevoked(session)).isFalse();

        f.sessions.revoke(session, "revoked elsewhere"); // another process: its own SessionRevocations
        assertThat(here.isRevoked(session)).as("within the cache window the old answer stands").isFalse();
        Thread.sleep(250); // the cache ages by the monotonic clock, not the injectable one
        assertThat(here.isRevoked(session)).isTrue();
    }

    @Test
    void aRevocationInThisProcessIsSeenAtOnceAndAnUnknownSessionCountsAsRevoked() {
        UUID session = f.sessions.start(f.userId, f.tenant).session().id();
        SessionRevocations here = new SessionRevocations(f.db.jdbc, Duration.ofSeconds(30));
        assertThat(here.isRevoked(session)).isFalse();
        here.revoked(session);
        assertThat(here.isRevoked(session)).isTrue();
        assertThat(here.isRevoked(UUID.randomUUID())).isTrue();
    }
}
