package io.oms.ib.client;

/** error(id, code, message); orderRef is set when id is an order id this connector knows. */
public record IbErrorEvent(int id, int code, String message, String orderRef) {
    /** 2100-2199 and a few others are informational (farm status, presets), not failures. */
    public boolean isInformational() {
        return (code >= 2100 && code < 2200) || code == 10349 || code == 399 || code == 404;
    }
}
