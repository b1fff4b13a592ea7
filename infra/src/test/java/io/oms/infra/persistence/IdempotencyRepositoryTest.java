package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Idempotency keys: one live claim per tenant and key, answered once, taken over only after expiry. */
class IdempotencyRepositoryTest {
    private final TestDb db = TestDb.get();
    private final IdempotencyRepository keys = new IdempotencyRepository(db.jdbc);
    private final Instant inADay = Instant.now().plus(Duration.ofDays(1));

    @Test
    void aLiveKeyIsClaimedOnceAndRemembersItsAnswer() {
        String tenant = db.newTenant();
        assertThat(keys.claim(tenant, "k1", "h1", inADay)).isTrue();
        assertThat(keys.claim(tenant, "k1", "h2", inADay)).isFalse();
        assertThat(keys.find(tenant, "k1")).get().extracting(r -> r.answered()).isEqualTo(false);

        keys.answer(tenant, "k1", 201, "{\"id\":1}");

        var answered = keys.find(tenant, "k1").orElseThrow();
        assertThat(answered.requestHash()).isEqualTo("h1");
        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.response()).isEqualTo("{\"id\":1}");
    }

    @Test
    void keysOfAnotherTenantAreInvisible() {
        String tenant = db.newTenant();
        String other = db.newTenant();
        keys.claim(tenant, "shared", "h1", inADay);
        assertThat(keys.find(other, "shared")).isEmpty();
        assertThat(keys.claim(other, "shared", "h2", inADay)).isTrue();
    }

    @Test
    void anExpiredKeyIsTakenOverAndPurged() {
        String tenant = db.newTenant();
        keys.claim(tenant, "old", "h1", Instant.now().minusSeconds(1));
        assertThat(keys.find(tenant, "old")).isEmpty();
        assertThat(keys.claim(tenant, "old", "h2", inADay)).isTrue();
        assertThat(keys.find(tenant, "old")).get().extracting(r -> r.requestHash()).isEqualTo("h2");

        keys.claim(tenant, "gone", "h3", Instant.now().minusSeconds(1));
        assertThat(keys.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(db.jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE tenant_id = :t AND idem_key = 'gone'")
                .param("t", tenant).query(Long.class).single()).isZero();
    }

    @Test
    void releaseFreesOnlyAnUnansweredClaim() {
        String tenant = db.newTenant();
        keys.claim(tenant, "a", "h", inADay);
        keys.release(tenant, "a");
        assertThat(keys.find(tenant, "a")).isEmpty();

        keys.claim(tenant, "b", "h", inADay);
        keys.answer(tenant, "b", 201, "{}");
        keys.release(tenant, "b");
        assertThat(keys.find(tenant, "b")).isPresent();
    }
}
