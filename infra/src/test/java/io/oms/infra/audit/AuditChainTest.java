package io.oms.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The per-tenant hash chain that the chainer builds after the inserts, and its verification in Java. */
class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:30:00.123456Z");

    private final TestDb db = TestDb.get();
    private final AuditRepository audit = new AuditRepository(db.jdbc);
    private final AuditChainVerifier verifier = new AuditChainVerifier(audit);
    private final AuditChainer chainer = new AuditChainer(db.tx, db.jdbc, 1_000);
    private final String tenant = db.newTenant();

    private AuditRecord record(String tenantId, String resourceId, long version, String action) {
        return new AuditRecord(tenantId, T0.plusSeconds(version), "api-key:k1", action, "order", resourceId, version,
                version == 1 ? null : "{\"state\": \"NEW\", \"qty\": 100.50}", "{\"state\": \"ROUTED\", \"tags\": [1, \"ü\"]}",
                "why", "127.0.0.1", "curl/8.5 (λ)");
    }

    private List<AuditEntry> chain(String tenantId) {
        return audit.chainPage(tenantId, 0, Long.MAX_VALUE, 10_000);
    }

    /** Runs chainer passes until the tenant has nothing unchained; bounded, as other test classes' passes may hold the lock. */
    private void chainAll(String tenantId) {
        for (int i = 0; i < 500 && audit.pending(tenantId) > 0; i++) {
            if (!chainer.runOnce().ran()) {
                sleep(20);
            }
        }
        assertThat(audit.pending(tenantId)).as("unchained rows left").isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachRecordLinksToThePreviousOneAndTheChainVerifies() {
        audit.append(record(tenant, "o-1", 1, "order.created"));
        audit.append(record(tenant, "o-1", 2, "order.routed"));
        audit.append(new AuditRecord(tenant, T0, "broker", "execution.recorded", "execution", "x:1", null, null, null,
                null, null, null));
        assertThat(chain(tenant)).isEmpty();
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, 0, 0, 3, null));

        chainAll(tenant);
        List<AuditEntry> entries = chain(tenant);
        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(entries.get(0).prevHash()).isEqualTo(AuditCanonical.GENESIS);
        assertThat(entries.get(1).prevHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).prevHash()).isEqualTo(entries.get(1).hash());
        assertThat(audit.head(tenant).orElseThrow().hash()).isEqualTo(entries.get(2).hash());
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, 3, 3, 0, null));
    }

    @Test
    void aReplayedAppendAddsNoLink() {
        assertThat(audit.append(record(tenant, "o-1", 1, "order.created"))).isTrue();
        assertThat(audit.append(record(tenant, "o-1", 1, "order.created"))).isFalse();
        assertThat(audit.append(record(tenant, "o-1", 2, "order.routed"))).isTrue();
        chainAll(tenant);

        assertThat(chain(tenant)).extracting(AuditEntry::seq).containsExactly(1L, 2L);
        assertThat(audit.head(tenant).orElseThrow().seq()).isEqualTo(2);
        assertThat(verifier.verify(tenant).ok()).isTrue();
    }

    @Test
    void concurrentAppendersOfOneTenantKeepOneUnbrokenChain() throws Exception {
        int threads = 4;
        int perThread = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                String resource = "o-" + t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (long v = 1; v <= perThread; v++) {
                        long version = v;
                        // Two appends per transaction, as a fill writes an execution and a state change together.
                        db.tx.executeWithoutResult(s -> {
                            audit.append(record(tenant, resource, version, "order.partially_filled"));
                            audit.append(record(tenant, resource, version, "order.note"));
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        chainAll(tenant);
        long expected = 2L * threads * perThread;
        assertThat(chain(tenant)).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, expected, expected, 0, null));
    }

    @Test
    void concurrentReplaysOfTheSameRecordsAddEachLinkOnce() throws Exception {
        int threads = 4;
        int records = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> written = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                written.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (long v = 1; v <= records; v++) {
                        mine += audit.append(record(tenant, "o-r", v, "order.retried")) ? 1 : 0;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : written) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(records);
        } finally {
            pool.shutdownNow();
        }
        chainAll(tenant);

        assertThat(audit.head(tenant).orElseThrow().seq()).isEqualTo(records);
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, records, records, 0, null));
    }

    @Test
    void aTamperedRecordIsTheFirstBrokenLinkAndOtherTenantsStillVerify() {
        String other = db.newTenant();
        for (long v = 1; v <= 3; v++) {
            audit.append(record(tenant, "o-1", v, "order.v" + v));
            audit.append(record(other, "o-9", v, "order.v" + v));
        }
        chainAll(tenant);
        chainAll(other);
        AuditEntry victim = chain(tenant).get(1);

        tamper("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = '" + tenant + "' AND seq = 2");

        ChainVerification result = verifier.verify(tenant);
        assertThat(result.ok()).isFalse();
        assertThat(result.recordsChecked()).isEqualTo(1);
        assertThat(result.lastSeq()).isEqualTo(1);
        assertThat(result.firstBrokenLink()).satisfies(link -> {
            assertThat(link.seq()).isEqualTo(2);
            assertThat(link.id()).isEqualTo(victim.id());
            assertThat(link.reason()).contains("content");
            assertThat(link.storedHash()).isEqualTo(victim.hash());
            assertThat(link.expectedHash()).isNotEqualTo(victim.hash()).hasSize(64);
        });
        assertThat(verifier.verify(other)).isEqualTo(new ChainVerification(true, 3, 3, 0, null));
    }

    @Test
    void aRecordRehashedInPlaceStillBreaksTheNextLink() {
        for (long v = 1; v <= 3; v++) {
            audit.append(record(tenant, "o-1", v, "order.v" + v));
        }
        chainAll(tenant);
        // A forger who rewrites record 2 and its hash with the real function still leaves record 3 linking to the old one.
        tamper("UPDATE audit_log SET actor = 'mallory', hash = audit_link_hash(prev_hash, audit_canonical(tenant_id, seq, "
                + "at, 'mallory', action, resource_type, resource_id, resource_version, before, after, detail, ip, user_agent)) "
                + "WHERE tenant_id = '" + tenant + "' AND seq = 2");

        ChainVerification result = verifier.verify(tenant);
        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenLink().seq()).isEqualTo(3);
        assertThat(result.firstBrokenLink().reason()).contains("previous record");
    }

    @Test
    void aDeletedLastRecordIsReportedAgainstTheChainHead() {
        for (long v = 1; v <= 3; v++) {
            audit.append(record(tenant, "o-1", v, "order.v" + v));
        }
        chainAll(tenant);
        tamper("DELETE FROM audit_log WHERE tenant_id = '" + tenant + "' AND seq = 3");

        ChainVerification result = verifier.verify(tenant);
        assertThat(result.ok()).isFalse();
        assertThat(result.recordsChecked()).isEqualTo(2);
        assertThat(result.firstBrokenLink().seq()).isEqualTo(3);
        assertThat(result.firstBrokenLink().id()).isNull();
        assertThat(result.firstBrokenLink().reason()).contains("missing");
    }

    @Test
    void aTenantWithoutRecordsVerifiesEmpty() {
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, 0, 0, 0, null));
    }

    @Test
    void chainsLongerThanAPageVerify() {
        db.tx.executeWithoutResult(s -> {
            for (long v = 1; v <= AuditChainVerifier.PAGE + 7; v++) {
                audit.append(record(tenant, "o-p", v, "order.v"));
            }
        });
        chainAll(tenant);
        long expected = AuditChainVerifier.PAGE + 7;
        assertThat(verifier.verify(tenant)).isEqualTo(new ChainVerification(true, expected, expected, 0, null));
    }

    @Test
    void listsNewestFirstByResourceWithACursor() {
        audit.append(record(tenant, "o-1", 1, "order.created"));
        audit.append(record(tenant, "o-2", 1, "order.created"));
        audit.append(record(tenant, "o-1", 2, "order.routed"));
        audit.append(record(db.newTenant(), "o-1", 3, "order.filled"));

        List<AuditEntry> first = audit.list(tenant, Optional.of("order"), Optional.of("o-1"), Optional.empty(), 1);
        assertThat(first).extracting(e -> e.record().action()).containsExactly("order.routed");
        List<AuditEntry> rest = audit.list(tenant, Optional.of("order"), Optional.of("o-1"), Optional.of(first.getLast().id()), 10);
        assertThat(rest).extracting(e -> e.record().action()).containsExactly("order.created");
        assertThat(audit.list(tenant, Optional.empty(), Optional.empty(), Optional.empty(), 10)).hasSize(3);
    }

    /** Rewrites history the way only someone with DDL rights can: the append-only trigger is off inside the transaction. */
    private void tamper(String sql) {
        db.tx.executeWithoutResult(s -> {
            db.jdbc.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_or_delete").update();
            db.jdbc.sql(sql).update();
            db.jdbc.sql("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_or_delete").update();
        });
    }
}
