package io.oms.ib.client;

import io.oms.ib.msg.ServerMessage;
import io.oms.ib.msg.ServerMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader thread: connect (same clientId every time, so our orders stay bound to us), read frames
 * until the socket dies, report the loss, wait a backoff with full jitter, and again. The attempt counter
 * resets only after a session that stayed up for at least the maximum backoff, so a gateway that accepts
 * and drops at once sees growing delays rather than a tight reconnect loop.
 */
final class SessionLoop {
    private static final Logger log = LoggerFactory.getLogger(SessionLoop.class);

    /** Called on the reader thread. */
    interface Hooks {
        void connected(IbSession s);

        void received(IbSession s, ServerMessage m);

        void lost(IbSession s, String reason);
    }

    private final IbConnectionConfig config;
    private final IbClientOptions options;
    private final Backoff backoff;
    private final Hooks hooks;
    private volatile boolean closed;
    private volatile IbSession current;
    private Thread thread;

    SessionLoop(IbConnectionConfig config, IbClientOptions options, Backoff backoff, Hooks hooks) {
        this.config = config;
        this.options = options;
        this.backoff = backoff;
        this.hooks = hooks;
    }

    synchronized void start() {
        if (thread != null || closed) return;
        thread = new Thread(this::run, "ib-reader-" + config.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** The connected (not necessarily ready) session, or null. */
    IbSession current() { return current; }

    void close() {
        closed = true;
        IbSession s = current;
        if (s != null) s.close("connector closed");
        Thread t;
        synchronized (this) { t = thread; }
        if (t == null) return;
        t.interrupt();
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        int attempt = 0;
        while (!closed) {
            IbSession s = null;
            long upSince = System.nanoTime();
            String reason;
            try {
                s = IbSession.open(config, options);
                current = s;
                upSince = System.nanoTime();
                log.info("[{}] connected to {}:{} sv={}", config.name(), config.host(), config.port(), s.serverVersion);
                hooks.connected(s);
                readUntilClosed(s);
                reason = "closed";
            } catch (RejectedExecutionException e) {
                reason = "closed"; // the dispatch executor is shutting down
            } catch (IOException | RuntimeException e) {
                // RuntimeException too: a frame we cannot decode must end the session, not the reader thread.
                reason = s != null && s.closeReason() != null ? s.closeReason() : e.toString();
            }
            if (s != null) {
                s.close();
                current = null;
                if (!closed) {
                    log.warn("[{}] session lost: {}", config.name(), reason);
                    hooks.lost(s, reason);
                }
                if (Duration.ofNanos(System.nanoTime() - upSince).compareTo(config.reconnectMaxBackoff()) >= 0) {
                    attempt = 0;
                }
            } else if (!closed) {
                log.debug("[{}] connect failed: {}", config.name(), reason);
            }
            if (closed || !sleep(backoff.delay(attempt++))) break;
        }
    }

    private void readUntilClosed(IbSession s) throws IOException {
        while (!closed) {
            List<String> fields = s.read();
            Optional<ServerMessage> m = ServerMessages.decode(fields, s.serverVersion);
            if (m.isEmpty()) {
                log.debug("ignoring message {}", fields.isEmpty() ? "?" : fields.get(0));
                continue;
            }
            hooks.received(s, m.get());
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
