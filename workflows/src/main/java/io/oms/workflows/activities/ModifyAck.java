package io.oms.workflows.activities;

/** IB's answer to a modify: accepted (the order now works on the new terms) or refused with IB's code and text. */
public record ModifyAck(boolean accepted, Integer code, String reason) {

    public static ModifyAck confirmed() {
        return new ModifyAck(true, null, null);
    }

    public static ModifyAck refused(Integer code, String reason) {
        return new ModifyAck(false, code, reason);
    }
}
