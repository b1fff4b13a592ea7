package io.oms.infra.persistence;

/** A broker account and the tenant and connection it belongs to. */
public record BrokerAccountRow(String accountCode, String tenantId, String connectionName) {}
