package io.oms.infra.reconcile;

import java.util.UUID;

/**
 * One drift a run found and what it did: kind (MISSED_FILL, FILL_ON_CLOSED_ORDER, ORDER_STATE_DRIFT,
 * ORDER_UNKNOWN_AT_BROKER, EXTERNAL_ORDER, POSITION_DRIFT, POSITION_NOT_REPORTED, BOOK_DRIFT, ACCOUNT_NOT_MANAGED) and
 * action (APPLIED, IMPORTED, RECORDED, NONE), with the OMS's and IB's values as text.
 */
public record Finding(String kind, String action, UUID orderId, String symbol, String execId, Long permId,
                      String omsValue, String brokerValue, String detail) {

    public static Finding of(String kind, String action, String detail) {
        return new Finding(kind, action, null, null, null, null, null, null, detail);
    }
}
