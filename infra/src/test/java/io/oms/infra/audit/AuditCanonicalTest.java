package io.oms.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.AuditRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditCanonicalTest {
    @Test
    void nullAndEmptyFieldsAreDistinctAndLengthsAreUtf8Bytes() {
        AuditRecord withNull = new AuditRecord("t", Instant.parse("2026-01-02T03:04:05.000007Z"), "a", "x", "order", "o",
                null, null, null, null, null, "ü");
        AuditRecord withEmpty = new AuditRecord("t", Instant.parse("2026-01-02T03:04:05.000007Z"), "a", "x", "order", "o",
                null, null, null, "", null, "ü");

        assertThat(AuditCanonical.text(1, withNull))
                .isEqualTo("v1|1:t|1:1|27:2026-01-02T03:04:05.000007Z|1:a|1:x|5:order|1:o|~|~|~|~|~|2:ü");
        assertThat(AuditCanonical.text(1, withEmpty)).isNotEqualTo(AuditCanonical.text(1, withNull));
    }

    @Test
    void theLinkHashCoversThePreviousHash() {
        assertThat(AuditCanonical.linkHash(AuditCanonical.GENESIS, "v1")).hasSize(64)
                .isNotEqualTo(AuditCanonical.linkHash("f".repeat(64), "v1"));
    }
}
