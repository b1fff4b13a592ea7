package io.oms.ib.client;

import io.oms.ib.wire.ServerVersion;
import java.time.Duration;
import java.util.Objects;

/**
 * Protocol, pacing, liveness and circuit-breaker knobs that rarely change.
 * <ul>
 * <li>Pacing: IB allows about 50 messages/s by default, so every outbound message passes a token bucket of
 *     45/s with a burst of the same size; pacingEnabled=false removes it (benchmarks against the simulator).</li>
 * <li>Liveness: the protocol has no heartbeat and a half-open socket looks healthy, so every probeInterval a
 *     reqCurrentTime must be answered within probeTimeout or the session is closed and reconnected.
 *     A zero probeInterval disables the probe. And before a new order or modify goes out, if nothing has been
 *     received for longer than probeBeforeSendAfterIdle, the same round trip must come back first (within
 *     probeTimeout) or the order is refused and the session closed; zero disables that check.</li>
 * <li>Circuit breaker: flapThreshold session losses within flapWindow open it for openCoolDown.</li>
 * </ul>
 */
public record IbClientOptions(int minServerVersion, int maxServerVersion, double messagesPerSecond, int burst,
                              boolean pacingEnabled, Duration probeInterval, Duration probeTimeout,
                              Duration probeBeforeSendAfterIdle, int flapThreshold, Duration flapWindow,
                              Duration openCoolDown) {
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(15);
    public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_PROBE_BEFORE_SEND_AFTER_IDLE = Duration.ofSeconds(2);
    public static final int DEFAULT_FLAP_THRESHOLD = 3;
    public static final Duration DEFAULT_FLAP_WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_OPEN_COOL_DOWN = Duration.ofSeconds(30);

    public IbClientOptions {
        if (minServerVersion > maxServerVersion) throw new IllegalArgumentException("min > max version");
        if (maxServerVersion > ServerVersion.MAX) {
            // Above 195 the server may use fields/protobuf we do not implement.
            throw new IllegalArgumentException("max server version above " + ServerVersion.MAX);
        }
        if (messagesPerSecond <= 0 || burst < 1) throw new IllegalArgumentException("bad pacing");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(probeTimeout, "probeTimeout");
        if (probeInterval.isNegative() || probeTimeout.isNegative() || probeTimeout.isZero()) {
            throw new IllegalArgumentException("bad liveness probe " + probeInterval + "/" + probeTimeout);
        }
        Objects.requireNonNull(probeBeforeSendAfterIdle, "probeBeforeSendAfterIdle");
        if (probeBeforeSendAfterIdle.isNegative()) throw new IllegalArgumentException("negative probeBeforeSendAfterIdle");
        if (flapThreshold < 1) throw new IllegalArgumentException("flapThreshold must be >= 1");
        Objects.requireNonNull(flapWindow, "flapWindow");
        Objects.requireNonNull(openCoolDown, "openCoolDown");
    }

    /** Versions and pacing only; liveness and breaker at their defaults. */
    public IbClientOptions(int minServerVersion, int maxServerVersion, double messagesPerSecond, int burst) {
        this(minServerVersion, maxServerVersion, messagesPerSecond, burst, true, DEFAULT_PROBE_INTERVAL,
                DEFAULT_PROBE_TIMEOUT, DEFAULT_PROBE_BEFORE_SEND_AFTER_IDLE, DEFAULT_FLAP_THRESHOLD, DEFAULT_FLAP_WINDOW, DEFAULT_OPEN_COOL_DOWN);
    }

    public static IbClientOptions defaults() {
        return new IbClientOptions(ServerVersion.CLIENT_MIN, ServerVersion.MAX, 45, 45);
    }

    public IbClientOptions withPacing(double perSecond, int burstSize) {
        return new IbClientOptions(minServerVersion, maxServerVersion, perSecond, burstSize, true, probeInterval,
                probeTimeout, probeBeforeSendAfterIdle, flapThreshold, flapWindow, openCoolDown);
    }

    /** No client-side pacing at all: only for benchmarks against a gateway that does not enforce it. */
    public IbClientOptions withoutPacing() {
        return new IbClientOptions(minServerVersion, maxServerVersion, messagesPerSecond, burst, false, probeInterval,
                probeTimeout, probeBeforeSendAfterIdle, flapThreshold, flapWindow, openCoolDown);
    }

    /** interval ZERO disables the probe. */
    public IbClientOptions withLivenessProbe(Duration interval, Duration timeout) {
        return new IbClientOptions(minServerVersion, maxServerVersion, messagesPerSecond, burst, pacingEnabled, interval,
                timeout, probeBeforeSendAfterIdle, flapThreshold, flapWindow, openCoolDown);
    }

    public IbClientOptions withCircuitBreaker(int threshold, Duration window, Duration coolDown) {
        return new IbClientOptions(minServerVersion, maxServerVersion, messagesPerSecond, burst, pacingEnabled,
                probeInterval, probeTimeout, probeBeforeSendAfterIdle, threshold, window, coolDown);
    }

    /**
     * Before a new order or modify, when nothing has been received for longer than idle, a reqCurrentTime must
     * come back within probeTimeout first (under steady traffic there is no extra round trip). ZERO disables.
     */
    public IbClientOptions withProbeBeforeSendAfterIdle(Duration idle) {
        return new IbClientOptions(minServerVersion, maxServerVersion, messagesPerSecond, burst, pacingEnabled,
                probeInterval, probeTimeout, idle, flapThreshold, flapWindow, openCoolDown);
    }
}
