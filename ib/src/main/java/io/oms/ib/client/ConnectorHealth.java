package io.oms.ib.client;

import java.time.Instant;

/**
 * A snapshot of the connector's availability. sessionUp = a socket session past nextValidId; venueUp =
 * IB has not reported its own connectivity lost (1100) on that session; recentDisconnects = session losses
 * inside the flap window. since = when the state last changed.
 */
public record ConnectorHealth(ConnectorState state, String reason, Instant since, boolean sessionUp, boolean venueUp,
                              int recentDisconnects) {}
