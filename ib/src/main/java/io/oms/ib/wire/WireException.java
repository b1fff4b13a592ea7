package io.oms.ib.wire;

/** A frame or field that breaks the protocol rules; the session that produced it is not trustworthy. */
public class WireException extends RuntimeException {
    public WireException(String message) { super(message); }
    public WireException(String message, Throwable cause) { super(message, cause); }
}
