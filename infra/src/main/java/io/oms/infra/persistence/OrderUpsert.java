package io.oms.infra.persistence;

import java.util.Optional;

/**
 * The outcome of {@link OrderRepository#upsertState}: whether the row was written (false for a replay or an
 * older version) and the row as it was before (empty when the order was new).
 */
public record OrderUpsert(boolean applied, Optional<OrderRow> previous) {}
