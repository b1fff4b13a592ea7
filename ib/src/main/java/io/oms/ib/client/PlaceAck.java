package io.oms.ib.client;

/** Outcome of a placement: accepted with the first status seen, or rejected with IB's error code. */
public record PlaceAck(int orderId, long permId, String status, boolean rejected, int errorCode, String errorMessage) {
    static PlaceAck accepted(int orderId, long permId, String status) {
        return new PlaceAck(orderId, permId, status, false, 0, null);
    }

    static PlaceAck rejected(int orderId, long permId, int code, String message) {
        return new PlaceAck(orderId, permId, "Rejected", true, code, message);
    }
}
