package io.oms.infra.audit;

import io.oms.infra.persistence.AuditChainHead;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Recomputes a tenant's audit chain page by page, from the first record up to the chain head read at the start
 * (records appended meanwhile are left for the next call): every sequence number present, every record linked to
 * its predecessor's hash, every hash equal to the hash of the record's content, and the head equal to the last
 * record. Reports the first link that fails.
 */
@Component
public class AuditChainVerifier {
    static final int PAGE = 500;

    private final AuditRepository audit;

    public AuditChainVerifier(AuditRepository audit) {
        this.audit = audit;
    }

    public ChainVerification verify(String tenantId) {
        long pending = audit.pending(tenantId);
        Optional<AuditChainHead> head = audit.head(tenantId);
        if (head.isEmpty()) {
            List<AuditEntry> orphans = audit.chainPage(tenantId, 0, Long.MAX_VALUE, 1);
            return orphans.isEmpty() ? ChainVerification.intact(0, 0, pending) : ChainVerification.broken(0, 0, pending,
                    new BrokenLink(orphans.getFirst().seq(), orphans.getFirst().id(), "the tenant's chain head is missing",
                            null, orphans.getFirst().hash()));
        }
        long upto = head.get().seq();
        long checked = 0;
        String previous = AuditCanonical.GENESIS;
        // Each page moves past at least one sequence number, so the loop ends within head.seq pages.
        while (checked < upto) {
            List<AuditEntry> page = audit.chainPage(tenantId, checked, upto, PAGE);
            if (page.isEmpty()) {
                break;
            }
            for (AuditEntry e : page) {
                BrokenLink broken = check(e, checked + 1, previous);
                if (broken != null) {
                    return ChainVerification.broken(checked, checked, pending, broken);
                }
                previous = e.hash();
                checked++;
            }
        }
        if (checked < upto) {
            return ChainVerification.broken(checked, checked, pending, new BrokenLink(checked + 1, null,
                    "records " + (checked + 1) + " to " + upto + " are missing", head.get().hash(), null));
        }
        if (!previous.equals(head.get().hash())) {
            return ChainVerification.broken(checked, checked, pending, new BrokenLink(upto, null,
                    "the chain head does not match the last record", previous, head.get().hash()));
        }
        return ChainVerification.intact(checked, checked, pending);
    }

    private static BrokenLink check(AuditEntry e, long expectedSeq, String previous) {
        if (e.seq() == null || e.seq() != expectedSeq) {
            return new BrokenLink(expectedSeq, null, "record " + expectedSeq + " is missing", null, null);
        }
        if (!previous.equals(e.prevHash())) {
            return new BrokenLink(e.seq(), e.id(), "the record does not link to the previous record's hash",
                    previous, e.prevHash());
        }
        String expected = AuditCanonical.linkHash(previous, AuditCanonical.text(e.seq(), e.record()));
        if (!expected.equals(e.hash())) {
            return new BrokenLink(e.seq(), e.id(), "the record's content does not match its hash", expected, e.hash());
        }
        return null;
    }
}
