package io.oms.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** The chainer links rows written unchained; the append-only trigger lets it do exactly that and nothing more. */
class AuditChainerTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00Z");

    private final TestDb db = TestDb.get();
    private final AuditRepository audit = new AuditRepository(db.jdbc);
    private final AuditChainVerifier verifier = new AuditChainVerifier(audit);
    private final String tenant = db.newTenant();

    private AuditRecord record(String resourceId, long version) {
        return new AuditRecord(tenant, T0.plusSeconds(version), "api-key:k1", "order.v", "order", resourceId, version,
                null, "{\"state\": \"NEW\"}", null, "127.0.0.1", null);
    }

    /** Links the tenant's rows directly (the chainer's per-tenant step), bypassing the pass lock other classes may hold. */
    private int chainTenant(int max) {
        return db.tx.execute(s -> db.jdbc.sql("SELECT audit_chain_tenant(:t, :max)").param("t", tenant).param("max", max)
                .query(Integer.class).single());
    }

    private List<AuditEntry> chain() {
        return audit.chainPage(tenant, 0, Long.MAX_VALUE, 10_000);
    }

    @Test
    void refusesAnyChangeToAChainedRow() {
        audit.append(record("o-1", 1));
        assertThat(chainTenant(10)).isEqualTo(1);

        for (String change : List.of("hash = repeat('a', 64)", "seq = NULL, prev_hash = NULL, hash = NULL", "seq = 7",
                "actor = 'mallory'")) {
            assertThatThrownBy(() -> db.jdbc.sql("UPDATE audit_log SET " + change + " WHERE tenant_id = :t")
                    .param("t", tenant).update())
                    .as(change).isInstanceOf(DataIntegrityViolationException.class)
                    .rootCause().hasMessageContaining("append-only");
        }
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, 1, 1, 0, null));
    }

    @Test
    void refusesChangingTheContentOfAnUnchainedRowEvenWhileChainingIt() {
        audit.append(record("o-1", 1));

        for (String change : List.of("actor = 'mallory'", "after = '{}'::jsonb",
                "actor = 'mallory', seq = 1, prev_hash = repeat('0', 64), hash = repeat('a', 64)",
                "seq = 1, prev_hash = repeat('0', 64)")) {
            assertThatThrownBy(() -> db.jdbc.sql("UPDATE audit_log SET " + change + " WHERE tenant_id = :t")
                    .param("t", tenant).update())
                    .as(change).isInstanceOf(DataIntegrityViolationException.class)
                    .rootCause().hasMessageContaining("append-only");
        }
        assertThatThrownBy(() -> db.jdbc.sql("DELETE FROM audit_log WHERE tenant_id = :t").param("t", tenant).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(audit.pending(tenant)).isEqualTo(1);
        chainTenant(10);
        assertThat(chain()).singleElement().satisfies(e -> assertThat(e.record().actor()).isEqualTo("api-key:k1"));
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void twoChainersInParallelNeverAssignASeqTwice() throws Exception {
        int rows = 120;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            Future<?> writer = pool.submit(() -> {
                start.await();
                for (long v = 1; v <= rows; v++) {
                    audit.append(record("o-1", v));
                }
                return null;
            });
            List<Future<Integer>> chainers = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                chainers.add(pool.submit(() -> {
                    start.await();
                    int linked = 0;
                    // Small batches while the writer is still appending, so the two really interleave.
                    for (int i = 0; i < 400 && !(writer.isDone() && audit.pending(tenant) == 0); i++) {
                        linked += chainTenant(3);
                    }
                    return linked;
                }));
            }
            start.countDown();
            writer.get(60, TimeUnit.SECONDS);
            int linked = 0;
            for (Future<Integer> f : chainers) {
                linked += f.get(60, TimeUnit.SECONDS);
            }
            linked += chainTenant(rows);
            assertThat(linked).isEqualTo(rows);
        } finally {
            pool.shutdownNow();
        }

        assertThat(chain()).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, rows).boxed().toList());
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, rows, rows, 0, null));
    }

    @Test
    void aRowCommittedLateIsChainedAfterTheRowsAlreadyLinked() throws Exception {
        UUID lateId = UuidV7.next();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> late = pool.submit(() -> db.tx.executeWithoutResult(s -> {
                db.jdbc.sql("""
                                INSERT INTO audit_log (id, tenant_id, at, actor, action, resource_type, resource_id, resource_version)
                                VALUES (:id, :t, now(), 'late', 'order.late', 'order', 'o-late', 1)""")
                        .param("id", lateId).param("t", tenant).update();
                inserted.countDown();
                try {
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
            audit.append(record("o-1", 1));
            audit.append(record("o-1", 2));
            assertThat(chainTenant(10)).isEqualTo(2);

            release.countDown();
            late.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(verifier.verify(tenant).pending()).isEqualTo(1);
        assertThat(chainTenant(10)).isEqualTo(1);

        List<AuditEntry> links = chain();
        assertThat(links).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(links.getLast().id()).isEqualTo(lateId);
        assertThat(links.getLast().id()).isLessThan(links.getFirst().id());
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, 3, 3, 0, null));
    }

    @Test
    void aPassStopsAtItsBatchSizeAndSaysSo() {
        for (long v = 1; v <= 5; v++) {
            audit.append(record("o-1", v));
        }
        AuditChainer small = new AuditChainer(db.tx, db.jdbc, 2);
        // Other test classes' passes may hold the lock for a moment: bounded retries.
        ChainPass pass = ChainPass.LOCKED_ELSEWHERE;
        for (int i = 0; i < 200 && !pass.ran(); i++) {
            pass = small.runOnce();
        }
        assertThat(pass.ran()).isTrue();
        assertThat(pass.linked()).isEqualTo(2);
        assertThat(pass.full()).isTrue();
    }
}
