package io.oms.ib.client;

import java.time.Duration;
import java.time.Instant;

/**
 * An immutable snapshot of one connector's counters. Ack latency is placeOrder call to first status or
 * reject, over the most recent latencySamples placements (p50/p99 are null before the first ack). Rates
 * are frames per second averaged over the last few seconds. rejectRate = rejects / acks (0 when none).
 */
public record ConnectionMetrics(Instant lastConnectTime, long connectCount, long disconnectCount, long placements,
                                long acks, long rejects, double rejectRate, Duration ackLatencyP50,
                                Duration ackLatencyP99, int latencySamples, double outboundPerSecond,
                                double inboundPerSecond, int outboundQueued) {}
