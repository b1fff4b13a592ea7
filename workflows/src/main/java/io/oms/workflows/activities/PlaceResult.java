package io.oms.workflows.activities;

/**
 * IB's first answer to a placed order: acknowledged with its ids and status, or rejected with IB's code
 * and text. A retried placement of the same orderRef returns the answer of the original placement.
 */
public record PlaceResult(
        Outcome outcome, int brokerOrderId, long permId, String status, Integer rejectCode, String rejectReason) {

    public enum Outcome {
        ACKNOWLEDGED,
        REJECTED
    }

    public static PlaceResult acknowledged(int brokerOrderId, long permId, String status) {
        return new PlaceResult(Outcome.ACKNOWLEDGED, brokerOrderId, permId, status, null, null);
    }

    public static PlaceResult rejected(int brokerOrderId, int code, String reason) {
        return new PlaceResult(Outcome.REJECTED, brokerOrderId, 0L, "Inactive", code, reason);
    }

    public boolean wasRejected() {
        return outcome == Outcome.REJECTED;
    }
}
