package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TWS protocol has no heartbeat, and a half-open socket (gateway hung, NAT dropped the flow) looks
 * healthy while orders vanish into it. So, periodically, a reqCurrentTime must come back within the
 * timeout; if it does not, the session is closed and the reader thread reconnects. It travels in the
 * urgent lane so a queue of orders cannot make a live gateway look dead. One probe at a time.
 */
final class LivenessProbe implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LivenessProbe.class);

    private final String name;
    private final Duration timeout;
    private final RequestSender sender;
    private final Supplier<IbSession> readySession;
    private final Runnable onAnswer;
    private final AtomicBoolean inFlight = new AtomicBoolean();

    LivenessProbe(String name, Duration timeout, RequestSender sender, Supplier<IbSession> readySession,
                  Runnable onAnswer) {
        this.name = name;
        this.timeout = timeout;
        this.sender = sender;
        this.readySession = readySession;
        this.onAnswer = onAnswer;
    }

    @Override
    public void run() {
        IbSession s = readySession.get();
        if (s == null || !inFlight.compareAndSet(false, true)) return;
        sender.currentTime(s, Lane.URGENT, timeout).whenComplete((t, err) -> {
            inFlight.set(false);
            if (err == null) {
                onAnswer.run();
            } else if (unwrap(err) instanceof TimeoutException && s.isOpen()) {
                log.warn("[{}] liveness probe unanswered within {}; closing the session", name, timeout);
                s.close("liveness probe: no currentTime within " + timeout);
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
    }
}
