package io.oms.infra.audit;

import java.util.UUID;

/**
 * Where a tenant's chain first fails to verify. {@code id} is null when the record at {@code seq} is missing;
 * {@code expectedHash} is what the chain calls for there, {@code storedHash} what was found.
 */
public record BrokenLink(long seq, UUID id, String reason, String expectedHash, String storedHash) {}
