package io.oms.ib.client;

/**
 * The broker cannot take the request now (session down, IB connectivity lost, breaker open, or the
 * message could not leave within its pacing deadline). Nothing reached the wire, so the caller may map it
 * to BROKER_UNAVAILABLE. A subtype of IbNotConnectedException so existing handlers keep working.
 */
public class IbUnavailableException extends IbNotConnectedException {
    private final ConnectorState state;

    public IbUnavailableException(ConnectorState state, String message) {
        super(message);
        this.state = state;
    }

    /** The connector's state when the request was refused. */
    public ConnectorState state() { return state; }
}
