package io.oms.infra.outbox;

/**
 * What one relay pass did: whether it held the relay lock (false: another process is relaying), how many events
 * it published, whether a delivery failed (the rest of the batch waits for the retry) and whether the batch was
 * full (more may be waiting).
 */
public record RelayBatch(boolean lockHeld, int published, boolean failed, boolean full) {
    static final RelayBatch LOCKED_ELSEWHERE = new RelayBatch(false, 0, false, false);
}
