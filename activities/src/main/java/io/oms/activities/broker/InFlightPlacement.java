package io.oms.activities.broker;

import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbNotConnectedException;
import io.oms.ib.client.OrderSpec;
import io.oms.ib.client.PlaceAck;
import io.oms.workflows.domain.ErrorCode;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt at placing an order, which sends it at most once. After sending, it waits the in-flight threshold
 * for IB's first answer; without one it looks the order up at IB by orderRef, a bounded number of times, and
 * answers with what IB has. When IB has nothing under the orderRef after every lookup, it never saw the order:
 * the attempt fails with the non-retryable {@link ErrorCode#BROKER_NO_ACK} and the order is not sent again.
 * When IB could not be asked at all (the session went), the outcome is unknown and the attempt fails retryably
 * ({@link ErrorCode#BROKER_TIMEOUT}); the retry looks the order up before anything else.
 */
final class InFlightPlacement {
    private static final Logger log = LoggerFactory.getLogger(InFlightPlacement.class);
    /** Waits are cut into slices this long so that the attempt heartbeats while it waits. */
    private static final long SLICE_MS = 1_000;

    private final IbConnector connector;
    private final BrokerLookup lookup;
    private final InFlightPolicy policy;

    InFlightPlacement(IbConnector connector, BrokerLookup lookup, InFlightPolicy policy) {
        this.connector = connector;
        this.lookup = lookup;
        this.policy = policy;
    }

    /** Sends spec once and returns IB's first answer, found live or by the in-flight lookups. */
    PlaceAck send(OrderSpec spec) throws InterruptedException {
        CompletableFuture<PlaceAck> ack = connector.placeOrder(spec);
        try {
            PlaceAck first = awaitAck(ack, policy.threshold().toMillis());
            if (first != null) return first;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IbNotConnectedException) {
                throw ApplicationFailure.newNonRetryableFailure(cause.getMessage(), ErrorCode.BROKER_UNAVAILABLE.name());
            }
            if (!(cause instanceof TimeoutException)) {
                // Refused before reaching the wire (no session, the breaker, the id store): nothing is at IB.
                throw ApplicationFailure.newFailure("placement not sent: " + cause, ErrorCode.BROKER_TIMEOUT.name());
            }
            // The connector's own request timeout: the order was sent and is still unanswered.
        }
        return inFlight(spec.orderRef(), ack);
    }

    private PlaceAck inFlight(String orderRef, CompletableFuture<PlaceAck> ack) throws InterruptedException {
        log.warn("no acknowledgement from IB within {} for {}: looking it up at IB", policy.threshold(), orderRef);
        boolean asked = false;
        for (int i = 1; i <= policy.lookups(); i++) {
            if (ack.isDone() && !ack.isCompletedExceptionally()) return ack.join(); // it came after all
            heartbeat();
            asked |= lookup.refresh();
            Optional<PlaceAck> found = lookup.known(orderRef);
            if (found.isPresent()) {
                log.info("{} found at IB by its orderRef on lookup {}: {}", orderRef, i, found.get());
                return found.get();
            }
            if (i < policy.lookups()) sleep(policy.lookupInterval().toMillis());
        }
        if (!asked) {
            throw ApplicationFailure.newFailure("no acknowledgement from IB within " + policy.threshold()
                    + " and IB could not be asked about " + orderRef, ErrorCode.BROKER_TIMEOUT.name());
        }
        throw ApplicationFailure.newNonRetryableFailure("IB did not acknowledge the order within " + policy.threshold()
                + " and has no order under orderRef " + orderRef + " after " + policy.lookups() + " lookups",
                ErrorCode.BROKER_NO_ACK.name());
    }

    /** The first answer within ms, or null; heartbeats every slice. */
    private static PlaceAck awaitAck(CompletableFuture<PlaceAck> ack, long ms) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) return ack.isDone() ? ack.get() : null;
            try {
                return ack.get(Math.min(left, SLICE_MS), TimeUnit.MILLISECONDS);
            } catch (TimeoutException slice) {
                heartbeat();
            }
        }
    }

    private static void sleep(long ms) throws InterruptedException {
        for (long left = ms; left > 0; left -= SLICE_MS) {
            Thread.sleep(Math.min(left, SLICE_MS));
            heartbeat();
        }
    }

    /** Tells Temporal this attempt is alive: a dead worker's attempt is retried after the heartbeat timeout. */
    static void heartbeat() {
        Activity.getExecutionContext().heartbeat(null);
    }
}
