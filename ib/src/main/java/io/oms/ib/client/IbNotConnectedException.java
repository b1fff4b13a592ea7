package io.oms.ib.client;

/** The session is not ready (not yet connected, reconnecting, or closed); nothing was sent. */
public class IbNotConnectedException extends RuntimeException {
    public IbNotConnectedException(String message) { super(message); }
}
