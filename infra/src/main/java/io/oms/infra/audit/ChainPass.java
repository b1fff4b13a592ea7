package io.oms.infra.audit;

/**
 * The outcome of one chainer pass: whether it held the lock, how many rows it linked, and whether it stopped at
 * its batch size (more may be waiting).
 */
public record ChainPass(boolean ran, int linked, boolean full) {
    public static final ChainPass LOCKED_ELSEWHERE = new ChainPass(false, 0, false);
}
