package io.oms.api.orders;

import io.oms.api.Decimals;
import io.oms.infra.config.ApiRole;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.killswitch.KillSwitchRefusals;
import io.oms.api.reconciliation.ReconciliationGate;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.BrokerAccountRow;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.InstrumentRow;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.order.CancelRequest;
import io.oms.workflows.order.OrderRequest;
import io.oms.workflows.order.OrderSubmission;
import io.oms.workflows.order.OrderView;
import io.oms.workflows.order.OrderWorkflowContract;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** Submitting and cancelling orders through their workflows; every lookup is scoped to the caller's tenant. */
@ApiRole
@Service
public class OrderService {
    private final WorkflowClient client;
    private final OrderRepository orders;
    private final BrokerDirectory brokers;
    private final InstrumentRepository instruments;
    private final KillSwitchRefusals killSwitches;
    private final RiskRefusals riskRefusals;
    private final ReconciliationGate reconciliationGate;

    public OrderService(WorkflowClient client, OrderRepository orders, BrokerDirectory brokers, InstrumentRepository instruments,
                        KillSwitchRefusals killSwitches, RiskRefusals riskRefusals, ReconciliationGate reconciliationGate) {
        this.client = client;
        this.reconciliationGate = reconciliationGate;
        this.killSwitches = killSwitches;
        this.riskRefusals = riskRefusals;
        this.orders = orders;
        this.brokers = brokers;
        this.instruments = instruments;
    }

    /** The order, and whether this call created it (false: a replay of an earlier submission). */
    public record Submitted(OrderResource order, boolean created) {}

    /**
     * Submits the order (or finds the earlier one of its clientOrderId). A DENIED order exists (it is recorded and
     * audited) but never reached the broker: the risk engine's denials answer as {@link RiskRefusals} says, the
     * workflow's own (an expiry already past) 422 ORDER_DENIED, for a replay too.
     */
    public Submitted submit(ApiPrincipal principal, SubmitOrderBody body) {
        Submitted submitted = submitOrFind(principal, body);
        OrderResource order = submitted.order();
        if (OrderState.DENIED.name().equals(order.state()) && !order.riskDenials().isEmpty()) {
            throw riskRefusals.orderDenied(order, submitted.created());
        }
        if (OrderState.DENIED.name().equals(order.state())) {
            throw new ApiException(ErrorCode.ORDER_DENIED, "the order was denied: " + order.rejectReason(),
                    List.of(), "order " + order.id() + " is recorded as DENIED; nothing was sent to the broker");
        }
        return submitted;
    }

    private Submitted submitOrFind(ApiPrincipal principal, SubmitOrderBody body) {
        List<FieldProblem> unknown = new ArrayList<>();
        Optional<BrokerAccountRow> account = lookUp(unknown, "account", body == null ? null : body.account(),
                code -> brokers.findAccount(principal.tenantId(), code.trim()), "is not an account of this tenant");
        Optional<InstrumentRow> instrument = lookUp(unknown, "symbol", OrderValidation.symbolOf(body),
                instruments::findBySymbol, "is not a known instrument");
        OrderValidation.ValidOrder order = OrderValidation.check(body, Instant.now(),
                instrument.map(InstrumentRow::tickSize).orElse(null), unknown);
        ClientOrderId clientOrderId = new ClientOrderId(
                order.clientOrderId() != null ? order.clientOrderId() : UuidV7.next().toString());

        Optional<OrderRow> earlier = orders.findByClientOrderId(principal.tenantId(), clientOrderId.value());
        if (earlier.isPresent()) {
            return new Submitted(sameOrConflict(OrderResource.of(earlier.get()), order), false);
        }
        BrokerAccountRow brokerAccount = account.orElseThrow(); // an unknown account failed the validation
        // Kill switches: a replay above answers the earlier order; only a new one is refused.
        killSwitches.checkNewOrder(principal.tenantId(), brokerAccount.accountCode(), order.strategy(), order.symbol(),
                order.side(), order.qty());
        // Fail-closed while the account's reconciliation has not finished (the state came with the account).
        reconciliationGate.check(brokerAccount);
        OrderRequest request = new OrderRequest(new OrderId(UuidV7.next()), new TenantId(principal.tenantId()),
                clientOrderId, brokerAccount.accountCode(), brokerAccount.connectionName(), order.symbol(),
                order.side(), order.type(), order.qty(), order.limitPrice(), order.stopPrice(), order.trailAmount(),
                order.trailPercent(), order.tif(), order.expireAt(), order.outsideRth(), principal.actor(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), order.strategy());
        OrderView view;
        try {
            view = OrderSubmission.submit(client, request);
        } catch (WorkflowException e) {
            // A closed workflow of the same id: the ledger has the order it produced.
            return orders.findByClientOrderId(principal.tenantId(), clientOrderId.value())
                    .map(row -> new Submitted(sameOrConflict(OrderResource.of(row), order), false))
                    .orElseThrow(() -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the order could not be submitted: " + e.getMessage()));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the workflow service is unavailable",
                    List.of(), "retry with the same clientOrderId; the retry cannot create a second order");
        }
        OrderResource resource = sameOrConflict(OrderResource.of(view), order);
        return new Submitted(resource, view.orderId().equals(request.orderId()));
    }

    public OrderResource cancel(ApiPrincipal principal, String id) {
        OrderRow row = find(principal, id);
        requirePlacedHere(row, "canceled");
        if (OrderState.valueOf(row.state()).isTerminal()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order is " + row.state() + " and can no longer be canceled");
        }
        String workflowId = OrderWorkflowContract.workflowId(new TenantId(row.tenantId()), new ClientOrderId(row.clientOrderId()));
        try {
            return OrderResource.of(OrderSubmission.existing(client, workflowId).cancel(new CancelRequest(principal.actor(), null)));
        } catch (WorkflowUpdateException e) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, rootMessage(e));
        } catch (WorkflowNotFoundException e) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order is no longer working");
        }
    }

    /**
     * An EXTERNAL order (placed outside the OMS, imported by reconciliation) has no workflow here: only the client
     * that placed it, or a global kill switch's reqGlobalCancel, can change it at IB.
     */
    static void requirePlacedHere(OrderRow row, String verb) {
        if (row.external()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order " + row.id() + " was placed outside the OMS (origin "
                    + "EXTERNAL) and cannot be " + verb + " here", List.of(),
                    "change it where it was placed (TWS or its API client), or engage the GLOBAL kill switch");
        }
    }

    public OrderRow find(ApiPrincipal principal, String id) {
        return parseId(id).flatMap(uuid -> orders.findById(principal.tenantId(), uuid))
                .orElseThrow(() -> ApiException.notFound("order " + id));
    }

    static Optional<java.util.UUID> parseId(String id) {
        try {
            return Optional.of(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A client order id names one order: the same id with different terms (any of them) is refused. */
    private static OrderResource sameOrConflict(OrderResource existing, OrderValidation.ValidOrder asked) {
        boolean same = existing.account().equals(asked.account()) && existing.symbol().equals(asked.symbol())
                && existing.side().equals(asked.side().name()) && existing.type().equals(asked.type().name())
                && existing.qty().equals(Decimals.text(asked.qty()))
                && Objects.equals(existing.limitPrice(), Decimals.text(asked.limitPrice()))
                && Objects.equals(existing.stopPrice(), Decimals.text(asked.stopPrice()))
                && Objects.equals(existing.trailAmount(), Decimals.text(asked.trailAmount()))
                && Objects.equals(existing.trailPercent(), Decimals.text(asked.trailPercent()))
                && existing.tif().equals(asked.tif().name())
                && Objects.equals(existing.expireAt(), asked.expireAt())
                && existing.outsideRth() == asked.outsideRth()
                && Objects.equals(existing.strategy(), asked.strategy());
        if (!same) {
            throw new ApiException(ErrorCode.DUPLICATE_CLIENT_ORDER_ID,
                    "clientOrderId " + existing.clientOrderId() + " already names a different order", List.of(),
                    "use a new clientOrderId for a new order");
        }
        return existing;
    }

    /** Looks a named thing up; a name that finds nothing is a field problem (an absent one is reported by the validation). */
    private static <T> Optional<T> lookUp(List<FieldProblem> problems, String field, String name,
                                          Function<String, Optional<T>> finder, String problem) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<T> found = finder.apply(name);
        if (found.isEmpty()) {
            problems.add(new FieldProblem(field, problem));
        }
        return found;
    }


    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? "the request conflicts with the order's state" : message.replaceFirst("^[\\w.]+Exception: ", "");
    }
}
