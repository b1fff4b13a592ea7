package io.oms.infra.persistence;

/** The newest link of a tenant's audit chain: its sequence number and hash. */
public record AuditChainHead(long seq, String hash) {}
