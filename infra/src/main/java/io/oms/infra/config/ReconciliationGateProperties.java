package io.oms.infra.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The order gate of reconciliation ({@code oms.reconciliation.gate}, env {@code OMS_RECONCILIATION_GATE}).
 *
 * @param gate true (the default, fail-closed): new orders and modifies of an account whose sync state is not
 *             SYNCED are refused with 503 BROKER_RECONCILING; false: the sync state is not checked (for a test
 *             or an emergency only: orders may then go out while the OMS's view of the account is stale)
 */
@Validated
@ConfigurationProperties("oms.reconciliation")
public record ReconciliationGateProperties(@DefaultValue("true") boolean gate) {}
