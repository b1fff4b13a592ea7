package io.oms.infra.temporal;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.InProcessGRPCServer;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, bound to a port and reached over gRPC like a real cluster. It keeps its
 * state in memory: restarting it forgets every workflow, so it is for development and tests only.
 *
 * <p>One set of services answers on two gRPC transports: the port, for other processes (workers, the CLI, the
 * UI), and an in-process channel for the client and workers of the process that hosts it. The in-process one
 * hands protobuf messages over without encoding them and without HTTP/2 or a socket; the calls, their
 * deadlines and their errors are gRPC's all the same. Measured: it halves the CPU Temporal costs an order
 * ({@code oms bench temporal}, ADR 8).
 */
public final class EmbeddedTemporalServer implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);
    /** Lock time skipping: the server's clock is the wall clock, as on a real cluster. */
    private static final boolean REAL_TIME = true;
    private final TestServicesStarter services;
    private final Server portBound;
    private final InProcessGRPCServer inProcess;
    private final Optional<TimerLogPruner> pruner;

    private EmbeddedTemporalServer(TestServicesStarter services, Server portBound, InProcessGRPCServer inProcess) {
        this.services = services;
        this.portBound = portBound;
        this.inProcess = inProcess;
        this.pruner = TimerLogPruner.attach(services);
    }

    public static EmbeddedTemporalServer start(int port) {
        TestServicesStarter services = new TestServicesStarter(REAL_TIME, 0);
        ServerBuilder<?> builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
        Server portBound;
        try {
            portBound = builder.build().start();
        } catch (IOException e) {
            services.close();
            throw new UncheckedIOException("the embedded Temporal server cannot listen on port " + port, e);
        }
        InProcessGRPCServer inProcess = new InProcessGRPCServer(services.getServices());
        log.info("embedded Temporal test server listening on port {} and in-process (in-memory: state is lost on restart)", port);
        return new EmbeddedTemporalServer(services, portBound, inProcess);
    }

    /** The port it listens on (the one asked for, or the one the system chose for port 0). */
    public int port() {
        return portBound.getPort();
    }

    /** The in-process channel to this server, for clients and workers of this process; owned by the server. */
    public ManagedChannel channel() {
        return inProcess.getChannel();
    }

    @Override
    public void close() {
        pruner.ifPresent(TimerLogPruner::close);
        inProcess.shutdownNow();
        portBound.shutdownNow();
        try {
            portBound.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        services.close();
    }
}
