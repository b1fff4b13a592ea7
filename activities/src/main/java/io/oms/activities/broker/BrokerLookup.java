package io.oms.activities.broker;

import io.oms.ib.client.IbConnector;
import io.oms.ib.client.PlaceAck;
import io.oms.ib.msg.ExecutionFilter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks an order up at IB by orderRef: refreshes what the session knows (this client's open orders, its
 * executions, then today's completed orders, which the connector matches by permId or orderRef) and asks the
 * connector. Only what IB itself said counts: the connector's own record of a placement it sent (PendingSubmit,
 * no permId) is not an answer from IB.
 */
final class BrokerLookup {
    private static final Logger log = LoggerFactory.getLogger(BrokerLookup.class);
    /** Each snapshot request is bounded by this; a session that cannot answer within it fails the refresh. */
    static final Duration REQUEST_WAIT = Duration.ofSeconds(3);

    private final IbConnector connector;
    private final int clientId;

    BrokerLookup(IbConnector connector, int clientId) {
        this.connector = connector;
        this.clientId = clientId;
    }

    /** What IB has said about the order under orderRef, if anything. */
    Optional<PlaceAck> known(String orderRef) {
        return connector.findByOrderRef(orderRef).filter(BrokerLookup::answeredByIb);
    }

    /**
     * Refreshes open orders, executions and completed orders; true when IB answered the open orders and the
     * executions (completed orders need server version 150 and are skipped when IB cannot give them).
     * Executions come before completed orders so that a filled order is known under its order id first.
     */
    boolean refresh() throws InterruptedException {
        try {
            await(connector.requestOpenOrders());
            await(connector.requestExecutions(ExecutionFilter.forClient(clientId)));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not refresh open orders and executions from IB: {}", e.toString());
            return false;
        }
        try {
            await(connector.requestCompletedOrders(false));
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not refresh completed orders from IB: {}", e.toString());
        }
        return true;
    }

    /** An answer from IB: its status, permId or rejection, not the connector's note that it sent the order. */
    static boolean answeredByIb(PlaceAck ack) {
        return ack.rejected() || ack.permId() != 0 || !"PendingSubmit".equals(ack.status());
    }

    private static <T> T await(CompletableFuture<T> request) throws ExecutionException, TimeoutException, InterruptedException {
        return request.get(REQUEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
