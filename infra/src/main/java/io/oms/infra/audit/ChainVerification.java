package io.oms.infra.audit;

/**
 * The outcome of recomputing a tenant's audit chain: {@code recordsChecked} records verified, the last of them
 * at {@code lastSeq} (0 for none), {@code pending} records written but not chained yet (not covered by the check
 * until the chainer links them), and the first broken link, null when the whole chain holds.
 */
public record ChainVerification(boolean ok, long recordsChecked, long lastSeq, long pending, BrokenLink firstBrokenLink) {
    static ChainVerification intact(long checked, long lastSeq, long pending) {
        return new ChainVerification(true, checked, lastSeq, pending, null);
    }

    static ChainVerification broken(long checked, long lastSeq, long pending, BrokenLink link) {
        return new ChainVerification(false, checked, lastSeq, pending, link);
    }
}
