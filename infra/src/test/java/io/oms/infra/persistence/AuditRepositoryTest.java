package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class AuditRepositoryTest {
    private final TestDb db = TestDb.get();
    private final AuditRepository audit = new AuditRepository(db.jdbc);
    private final String tenant = db.newTenant();

    private AuditRecord record(long version, String action) {
        return new AuditRecord(tenant, Instant.parse("2025-01-02T00:00:00Z").plusSeconds(version), "user:alice", action,
                "order", "o-1", version, version == 1 ? null : "{\"state\": \"NEW\"}", "{\"state\": \"ROUTED\"}",
                "why", "127.0.0.1", "curl/8");
    }

    @Test
    void appendIsIdempotentPerResourceVersionAndAction() {
        assertThat(audit.append(record(1, "order.created"))).isTrue();
        assertThat(audit.append(record(1, "order.created"))).isFalse();
        assertThat(audit.append(record(2, "order.routed"))).isTrue();
        var entries = audit.listByResource(tenant, "order", "o-1");
        assertThat(entries).extracting(AuditRecord::action).containsExactly("order.created", "order.routed");
        assertThat(entries.get(0).beforeJson()).isNull();
        assertThat(entries.get(1).beforeJson()).contains("\"state\"").contains("NEW");
        assertThat(entries.get(1).ip()).isEqualTo("127.0.0.1");
    }

    @Test
    void auditLogRefusesUpdate() {
        audit.append(record(1, "order.created"));
        assertThatThrownBy(() -> db.jdbc.sql("UPDATE audit_log SET actor = 'mallory' WHERE tenant_id = :t").param("t", tenant).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only");
    }

    @Test
    void auditLogRefusesDelete() {
        audit.append(record(1, "order.created"));
        assertThatThrownBy(() -> db.jdbc.sql("DELETE FROM audit_log WHERE tenant_id = :t").param("t", tenant).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .rootCause().hasMessageContaining("append-only");
        assertThat(audit.listByResource(tenant, "order", "o-1")).hasSize(1);
    }

    @Test
    void listByResourceDoesNotShowAnotherTenantsEntries() {
        audit.append(record(1, "order.created"));
        assertThat(audit.listByResource(db.newTenant(), "order", "o-1")).isEmpty();
    }

    @Test
    void insideATransactionEntriesAreWrittenAtCommitAndNotAtAllOnRollback() {
        db.tx.executeWithoutResult(status -> {
            audit.append(record(1, "order.created"));
            // Not yet written: audit rows are inserted just before the commit.
            assertThat(audit.listByResource(tenant, "order", "o-1")).isEmpty();
        });
        assertThat(audit.listByResource(tenant, "order", "o-1")).extracting(AuditRecord::action).containsExactly("order.created");

        db.tx.executeWithoutResult(status -> {
            audit.append(record(2, "order.routed"));
            status.setRollbackOnly();
        });
        assertThat(audit.listByResource(tenant, "order", "o-1")).hasSize(1);
    }
}
