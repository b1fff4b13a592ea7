package io.oms.workflows.activities;

import io.oms.workflows.domain.TenantId;
import java.math.BigDecimal;

/** The commission of one recorded execution. */
public record CommissionRecord(TenantId tenantId, String account, String execId, BigDecimal commission, String currency) {}
