package io.oms.ib.client;

/**
 * error(id, code, message) with its classification; orderRef is set when id is an order id this connector
 * knows. id is -1 for system notices.
 */
public record IbErrorEvent(int id, int code, String message, String orderRef, IbErrorKind kind) {
    public IbErrorEvent(int id, int code, String message, String orderRef) {
        this(id, code, message, orderRef, IbErrorCodes.classify(code));
    }

    /** Status notices and warnings (farm status, presets, locate holds, restored connectivity), not failures. */
    public boolean isInformational() { return kind.isInformational(); }
}
