package io.oms.ib.sim;

import io.oms.ib.msg.ServerMessage;

/** One admitted API client as the engine sees it: a socket in production, a recorder in engine tests. */
interface SimSession {
    int clientId();

    /** Best effort: a dead client simply misses the message (orders keep working, like TWS). */
    void send(ServerMessage m);

    boolean isOpen();

    void close();
}
