package io.oms.ib.client;

import io.oms.ib.client.PacingGate.Lane;
import io.oms.ib.msg.ClientMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Every outbound message after START_API goes through here: a writer thread takes them from the
 * {@link PacingGate} as tokens allow and writes them to the session they were meant for. Nothing is
 * carried over to another session (a new session must see nextValidId first, and an order meant for a
 * dead session must be re-decided by its caller), and nothing is sent after its deadline: such entries
 * fail with {@link IbUnavailableException} instead of going out late.
 */
final class OutboundQueue implements AutoCloseable {
    private record Entry(IbSession session, ClientMessage message, CompletableFuture<Void> sent, long deadline) {}

    private final PacingGate<Entry> gate;
    private final LongSupplier clock;
    private final long maxWaitNanos;
    private final Runnable onWrite;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread writer;
    private volatile boolean closed;

    OutboundQueue(IbClientOptions options, LongSupplier nanoClock, Duration maxWait, Runnable onWrite, String name) {
        this.gate = options.pacingEnabled()
                ? PacingGate.paced(options.messagesPerSecond(), options.burst(), nanoClock)
                : PacingGate.unpaced();
        this.clock = nanoClock;
        this.maxWaitNanos = maxWait.toNanos();
        this.onWrite = onWrite;
        this.writer = new Thread(this::run, "ib-writer-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a message for the session; the future completes once it is written (or fails). */
    CompletableFuture<Void> submit(IbSession session, Lane lane, ClientMessage message) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                sent.completeExceptionally(new IbUnavailableException(ConnectorState.STOPPED, "connector closed"));
                return sent;
            }
            gate.offer(lane, new Entry(session, message, sent, clock.getAsLong() + maxWaitNanos));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        return sent;
    }

    /** The session is gone: everything still waiting for it fails. */
    void failSession(IbSession session, String reason) {
        fail(e -> e.session == session, ConnectorState.DOWN, reason);
    }

    int waiting() {
        lock.lock();
        try {
            return gate.waiting();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        fail(e -> true, ConnectorState.STOPPED, "connector closed");
        writer.interrupt();
        try {
            writer.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(Predicate<Entry> which, ConnectorState state, String reason) {
        lock.lock();
        try {
            for (Entry e : gate.remove(which)) e.sent.completeExceptionally(new IbUnavailableException(state, reason));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            Entry next;
            lock.lock();
            try {
                long now = clock.getAsLong();
                for (Entry e : gate.remove(e -> e.deadline - now < 0)) {
                    e.sent.completeExceptionally(new IbUnavailableException(ConnectorState.UP,
                            "not sent within " + Duration.ofNanos(maxWaitNanos) + " (pacing backlog)"));
                }
                next = gate.poll();
                if (next == null) {
                    long wait = gate.nanosUntilReady();
                    if (wait == Long.MAX_VALUE) {
                        changed.await(); // idle until submit() or close()
                    } else {
                        // Wake for the next token, at least every 100 ms so deadlines expire on time.
                        changed.awaitNanos(Math.max(50_000L, Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100))));
                    }
                    continue;
                }
            } catch (InterruptedException e) {
                if (closed) return;
                continue;
            } finally {
                lock.unlock();
            }
            write(next);
        }
    }

    private void write(Entry e) {
        try {
            e.session.send(e.message);
            onWrite.run();
            e.sent.complete(null);
        } catch (IOException | RuntimeException ex) {
            e.sent.completeExceptionally(ex);
        }
    }
}
