package io.oms.ib.client;

import io.oms.ib.wire.ServerVersion;

/**
 * Protocol and pacing knobs that rarely change. IB allows about 50 messages/s by default, so the
 * outbound token bucket defaults to 45/s with a burst of the same size.
 */
public record IbClientOptions(int minServerVersion, int maxServerVersion, double messagesPerSecond, int burst) {
    public IbClientOptions {
        if (minServerVersion > maxServerVersion) throw new IllegalArgumentException("min > max version");
        if (maxServerVersion > ServerVersion.MAX) {
            // Above 195 the server may use fields/protobuf we do not implement.
            throw new IllegalArgumentException("max server version above " + ServerVersion.MAX);
        }
        if (messagesPerSecond <= 0 || burst < 1) throw new IllegalArgumentException("bad pacing");
    }

    public static IbClientOptions defaults() {
        return new IbClientOptions(ServerVersion.CLIENT_MIN, ServerVersion.MAX, 45, 45);
    }
}
