package io.oms.activities.broker;

import io.oms.ib.client.IbConnector;
import io.oms.ib.client.IbNotConnectedException;
import io.oms.ib.client.IbUnavailableException;
import io.oms.ib.client.OrderSpec;
import io.oms.ib.client.PlaceAck;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.workflows.activities.BrokerActivities;
import io.oms.workflows.activities.CancelOrderCommand;
import io.oms.workflows.activities.ModifyAck;
import io.oms.workflows.activities.ModifyOrderCommand;
import io.oms.workflows.activities.PlaceOrderCommand;
import io.oms.workflows.activities.PlaceResult;
import io.oms.workflows.domain.ErrorCode;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Broker I/O for one IB session. Placement is idempotent by orderRef: a retry (say, after the worker that
 * placed the order died) first asks IB what it already has under that orderRef and answers from that; a sent
 * order left unacknowledged is looked up at IB and, if IB never saw it, failed as BROKER_NO_ACK, never resent.
 */
public final class BrokerActivitiesImpl implements BrokerActivities {
    private static final Duration READY_WAIT = Duration.ofSeconds(5);
    private static final Duration ACK_WAIT = Duration.ofSeconds(8);

    private final IbConnector connector;
    private final InstrumentRepository instruments;
    private final BrokerLookup lookup;
    private final InFlightPlacement placement;

    public BrokerActivitiesImpl(IbConnector connector, int clientId, InstrumentRepository instruments) {
        this(connector, clientId, instruments, InFlightPolicy.DEFAULT);
    }

    public BrokerActivitiesImpl(IbConnector connector, int clientId, InstrumentRepository instruments,
                                InFlightPolicy inFlight) {
        this.connector = connector;
        this.instruments = instruments;
        this.lookup = new BrokerLookup(connector, clientId);
        this.placement = new InFlightPlacement(connector, lookup, inFlight);
    }

    /**
     * Answers from what IB already has under the orderRef when this session knows it. A retry (attempt > 1: the
     * previous attempt's worker died, or it could not reach IB) first looks the order up at IB, and places it only
     * when IB has nothing under the orderRef, open, completed or executed. That is safe: a retry runs seconds after
     * the attempt before it (at least the retry interval, and for a dead worker the heartbeat timeout), by which
     * time IB has long answered anything that attempt sent, and the lookup sees it; an order that IB has nothing of
     * was never sent (the attempt died before sending) or never reached IB. Otherwise the order is sent once and
     * given the in-flight check ({@link InFlightPlacement}): it is never sent a second time within an attempt.
     */
    @Override
    public PlaceResult placeOrder(PlaceOrderCommand command) {
        boolean retry = Activity.getExecutionContext().getInfo().getAttempt() > 1;
        // A first attempt with no session is refused outright; a retry may already be live at IB, so it
        // fails retryably and waits for the session to come back.
        awaitSession(retry ? ErrorCode.BROKER_TIMEOUT : ErrorCode.BROKER_UNAVAILABLE);
        try {
            Optional<PlaceAck> known = lookup.known(command.orderRef());
            if (known.isEmpty() && retry) {
                known = askBrokerFor(command.orderRef());
            }
            if (known.isPresent()) {
                return toResult(known.get());
            }
            return toResult(placement.send(OrderSpecs.from(command, primaryExchange(command.symbol()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", ErrorCode.BROKER_TIMEOUT.name());
        }
    }

    @Override
    public void cancelOrder(CancelOrderCommand command) {
        awaitSession(ErrorCode.BROKER_TIMEOUT);
        try {
            connector.cancelOrder(command.brokerOrderId()).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw ApplicationFailure.newFailure("cancel not sent: " + e, ErrorCode.BROKER_TIMEOUT.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", ErrorCode.BROKER_TIMEOUT.name());
        }
    }

    @Override
    public void cancelAll() {
        awaitSession(ErrorCode.BROKER_TIMEOUT);
        try {
            connector.cancelAllOrders().get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw ApplicationFailure.newFailure("global cancel not sent: " + e, ErrorCode.BROKER_TIMEOUT.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", ErrorCode.BROKER_TIMEOUT.name());
        }
    }

    /**
     * Re-sends the working order under its IB id with the new terms and waits for IB's answer: the openOrder
     * showing the new terms, or the refusal (104 filled, 105 not the same order, 201). A retry re-sends the same
     * terms, which IB takes again. No session on the first attempt refuses outright (nothing was sent).
     */
    @Override
    public ModifyAck modifyOrder(ModifyOrderCommand command) {
        boolean retry = Activity.getExecutionContext().getInfo().getAttempt() > 1;
        awaitSession(retry ? ErrorCode.BROKER_TIMEOUT : ErrorCode.BROKER_UNAVAILABLE);
        OrderSpec spec = OrderSpecs.from(command.order(), primaryExchange(command.order().symbol()));
        try {
            PlaceAck ack = connector.modifyOrder(command.brokerOrderId(), spec).get(ACK_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return ack.rejected() ? ModifyAck.refused(ack.errorCode(), ack.errorMessage()) : ModifyAck.confirmed();
        } catch (TimeoutException e) {
            throw ApplicationFailure.newFailure("IB did not answer the modify within " + ACK_WAIT, ErrorCode.BROKER_TIMEOUT.name());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IbNotConnectedException || e.getCause() instanceof IbUnavailableException) {
                throw retry ? ApplicationFailure.newFailure(e.getCause().getMessage(), ErrorCode.BROKER_TIMEOUT.name())
                        : unavailable(e.getCause().getMessage());
            }
            throw ApplicationFailure.newFailure("modify failed: " + e.getCause(), ErrorCode.BROKER_TIMEOUT.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted", ErrorCode.BROKER_TIMEOUT.name());
        }
    }

    /** After a lost worker, this session may not have seen the order yet: refresh what IB has, then look. */
    private Optional<PlaceAck> askBrokerFor(String orderRef) throws InterruptedException {
        if (!lookup.refresh()) {
            throw ApplicationFailure.newFailure("could not look the order up at IB", ErrorCode.BROKER_TIMEOUT.name());
        }
        return lookup.known(orderRef);
    }

    private void awaitSession(ErrorCode whenDown) {
        boolean ready;
        try {
            ready = connector.awaitReady(READY_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ready = false;
        }
        if (!ready) {
            String message = "IB session is not connected";
            throw whenDown == ErrorCode.BROKER_UNAVAILABLE
                    ? unavailable(message)
                    : ApplicationFailure.newFailure(message, whenDown.name());
        }
    }

    private String primaryExchange(String symbol) {
        return instruments.findBySymbol(symbol).map(i -> i.primaryExchange()).orElse(null);
    }

    private static PlaceResult toResult(PlaceAck ack) {
        return ack.rejected()
                ? PlaceResult.rejected(ack.orderId(), ack.errorCode(), ack.errorMessage())
                : PlaceResult.acknowledged(ack.orderId(), ack.permId(), ack.status());
    }

    private static ApplicationFailure unavailable(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, ErrorCode.BROKER_UNAVAILABLE.name());
    }
}
