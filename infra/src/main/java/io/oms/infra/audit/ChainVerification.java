package io.oms.infra.audit;

/**
 * The outcome of recomputing a tenant's audit chain: {@code recordsChecked} records verified, the last of them
 * at {@code lastSeq} (0 for none), and the first broken link, null when the whole chain holds.
 */
public record ChainVerification(boolean ok, long recordsChecked, long lastSeq, BrokenLink firstBrokenLink) {
    static ChainVerification intact(long checked, long lastSeq) {
        return new ChainVerification(true, checked, lastSeq, null);
    }

    static ChainVerification broken(long checked, long lastSeq, BrokenLink link) {
        return new ChainVerification(false, checked, lastSeq, link);
    }
}
