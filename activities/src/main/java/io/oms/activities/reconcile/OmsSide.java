package io.oms.activities.reconcile;

import io.oms.infra.reconcile.OmsOrder;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OMS's side of a comparison: the account's live orders, its orders IB's answers name (by client order id), and
 * which of IB's exec ids the ledger holds.
 */
record OmsSide(List<OmsOrder> liveOrders, Map<String, OmsOrder> named, Set<String> knownExecIds) {}
