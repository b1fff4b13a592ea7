package io.oms.worker;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.oms.ib.client.ConnectionMetrics;
import io.oms.ib.client.IbConnector;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The IB session's counters as meters (under {@code /actuator/metrics}, tagged with the connection name).
 * Each meter reads the connector's latest snapshot, so nothing is counted twice and nothing here can drift.
 */
public final class BrokerMetrics implements MeterBinder {
    private final IbConnector connector;
    private final Tags tags;

    public BrokerMetrics(IbConnector connector, String connection) {
        this.connector = connector;
        this.tags = Tags.of("connection", connection);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "oms.ib.connects", "sessions opened", ConnectionMetrics::connectCount);
        counter(registry, "oms.ib.disconnects", "sessions lost", ConnectionMetrics::disconnectCount);
        counter(registry, "oms.ib.placements", "orders sent", ConnectionMetrics::placements);
        counter(registry, "oms.ib.rejects", "orders IB rejected", ConnectionMetrics::rejects);
        gauge(registry, "oms.ib.reject.rate", "rejects per acknowledged order", ConnectionMetrics::rejectRate);
        gauge(registry, "oms.ib.ack.latency.p50", "placeOrder to first status, median (ms)",
                m -> millis(m.ackLatencyP50()));
        gauge(registry, "oms.ib.ack.latency.p99", "placeOrder to first status, 99th percentile (ms)",
                m -> millis(m.ackLatencyP99()));
        gauge(registry, "oms.ib.messages.out", "frames sent per second", ConnectionMetrics::outboundPerSecond);
        gauge(registry, "oms.ib.messages.in", "frames received per second", ConnectionMetrics::inboundPerSecond);
        gauge(registry, "oms.ib.outbound.queued", "frames waiting for the pacing gate", ConnectionMetrics::outboundQueued);
        gauge(registry, "oms.ib.last.connect", "epoch seconds of the last session start",
                m -> m.lastConnectTime() == null ? Double.NaN : m.lastConnectTime().getEpochSecond());
    }

    private void counter(MeterRegistry registry, String name, String help, ToDoubleFunction<ConnectionMetrics> read) {
        FunctionCounter.builder(name, connector, c -> read.applyAsDouble(c.metrics()))
                .description(help).tags(tags).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String help, ToDoubleFunction<ConnectionMetrics> read) {
        Gauge.builder(name, connector, c -> read.applyAsDouble(c.metrics())).description(help).tags(tags)
                .register(registry);
    }

    private static double millis(Duration d) {
        return d == null ? Double.NaN : d.toNanos() / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
