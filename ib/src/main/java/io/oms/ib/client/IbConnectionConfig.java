package io.oms.ib.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to connect. The same clientId is reused on every reconnect so the orders placed by
 * this connector stay bound to it (only the placing client id may modify or cancel them).
 */
public record IbConnectionConfig(String name, String host, int port, int clientId, Duration connectTimeout,
                                 Duration requestTimeout, Duration reconnectMinBackoff, Duration reconnectMaxBackoff) {
    public IbConnectionConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("port " + port);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(reconnectMinBackoff, "reconnectMinBackoff");
        Objects.requireNonNull(reconnectMaxBackoff, "reconnectMaxBackoff");
        if (reconnectMaxBackoff.compareTo(reconnectMinBackoff) < 0) {
            throw new IllegalArgumentException("reconnectMaxBackoff < reconnectMinBackoff");
        }
    }

    /** Defaults: 5 s connect, 10 s per request, reconnect backoff 250 ms .. 30 s. */
    public static IbConnectionConfig of(String name, String host, int port, int clientId) {
        return new IbConnectionConfig(name, host, port, clientId, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    public IbConnectionConfig withBackoff(Duration min, Duration max) {
        return new IbConnectionConfig(name, host, port, clientId, connectTimeout, requestTimeout, min, max);
    }

    public IbConnectionConfig withRequestTimeout(Duration timeout) {
        return new IbConnectionConfig(name, host, port, clientId, connectTimeout, timeout, reconnectMinBackoff,
                reconnectMaxBackoff);
    }
}
