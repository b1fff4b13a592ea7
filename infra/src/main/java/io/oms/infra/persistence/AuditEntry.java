package io.oms.infra.persistence;

import java.util.UUID;

/** A stored audit record with its place in the tenant's hash chain; seq and the hashes are null until chained. */
public record AuditEntry(UUID id, Long seq, String prevHash, String hash, AuditRecord record) {}
