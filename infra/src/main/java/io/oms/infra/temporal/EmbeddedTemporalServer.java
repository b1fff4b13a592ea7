package io.oms.infra.temporal;

import io.temporal.testserver.TestServer;
import java.io.Closeable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temporal's Java test server, bound to a port and reached over gRPC like a real cluster. It keeps its
 * state in memory: restarting it forgets every workflow, so it is for development and tests only.
 */
public final class EmbeddedTemporalServer implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedTemporalServer.class);
    private final TestServer.PortBoundTestServer server;
    private final Optional<TimerLogPruner> pruner;
    private final int port;

    private EmbeddedTemporalServer(TestServer.PortBoundTestServer server, int port) {
        this.server = server;
        this.pruner = TimerLogPruner.attach(server);
        this.port = port;
    }

    public static EmbeddedTemporalServer start(int port) {
        TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port);
        log.info("embedded Temporal test server listening on port {} (in-memory: state is lost on restart)", port);
        return new EmbeddedTemporalServer(server, port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        pruner.ifPresent(TimerLogPruner::close);
        server.close();
    }
}
