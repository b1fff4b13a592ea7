package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TWS protocol has no heartbeat, and a half-open socket (gateway hung, NAT dropped the flow) looks
 * healthy while orders vanish into it. So, periodically, a reqCurrentTime must come back within the
 * timeout; if it does not, the session is closed and the reader thread reconnects. It travels in the
 * urgent lane so a queue of orders cannot make a live gateway look dead. One probe at a time per session:
 * the periodic one and the check before a send after an idle period ({@link #check}) share a round in flight.
 */
final class LivenessProbe implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(LivenessProbe.class);

    private final String name;
    private final Duration timeout;
    private final RequestSender sender;
    private final Supplier<IbSession> readySession;
    private final Runnable onAnswer;
    /** The round in flight (or the last one) and its session; guarded by this. */
    private CompletableFuture<Instant> round;
    private IbSession roundSession;

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
        if (s != null) check(s);
    }

    /**
     * The round trip in flight on this session, or a new one. It completes after its outcome took effect: a
     * session whose probe timed out is already closed (the reader thread then reconnects).
     */
    synchronized CompletableFuture<Instant> check(IbSession s) {
        if (round != null && !round.isDone() && roundSession == s) return round;
        roundSession = s;
        round = sender.currentTime(s, Lane.URGENT, timeout).whenComplete((t, err) -> {
            if (err == null) {
                onAnswer.run();
            } else if (unwrap(err) instanceof TimeoutException && s.isOpen()) {
                log.warn("[{}] liveness probe unanswered within {}; closing the session", name, timeout);
                s.close("liveness probe: no currentTime within " + timeout);
            }
        });
        return round;
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException c && c.getCause() != null ? c.getCause() : t;
    }
}
