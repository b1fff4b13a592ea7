package io.oms.workflows.killswitch;

/**
 * What engaging did to the working orders in scope: cancels sent ({@code cancelRequested}), of those how many are
 * no longer working ({@code cancelConfirmed}: canceled, or filled first), and how many orders in scope were still
 * working when the verification gave up ({@code stillWorking}, 0 when it succeeded).
 */
public record CancelSweep(int cancelRequested, int cancelConfirmed, int stillWorking) {
    public static final CancelSweep NONE = new CancelSweep(0, 0, 0);
}
