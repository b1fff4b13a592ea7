package io.oms.infra.persistence;

import java.util.UUID;

/** A stored audit record with its place in the tenant's hash chain. */
public record AuditEntry(UUID id, long seq, String prevHash, String hash, AuditRecord record) {}
