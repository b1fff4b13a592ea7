package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.killswitch.KillSwitchRefusals;
import io.oms.api.reconciliation.ReconciliationGate;
import io.oms.infra.persistence.BrokerAccountRow;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.order.ModifyOutcome;
import io.oms.workflows.order.ModifyRequest;
import io.oms.workflows.order.ModifyRules;
import io.oms.workflows.order.OrderSubmission;
import io.oms.workflows.order.OrderTerms;
import io.oms.workflows.order.OrderWorkflowContract;
import io.oms.workflows.order.UpdateRefusal;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * {@code PATCH /api/v1/orders/{id}}: a modify through the order's workflow, guarded by the order's version
 * (If-Match). The body is checked here first (field errors, nothing sent); the workflow's validator then checks
 * the order as it stands (version, state, filled quantity) and IB has the last word.
 */
@ApiRole
@Service
public class OrderModifications {
    private final WorkflowClient client;
    private final OrderService orders;
    private final InstrumentRepository instruments;
    private final KillSwitchRefusals killSwitches;
    private final RiskRefusals riskRefusals;
    private final BrokerDirectory brokers;
    private final ReconciliationGate reconciliationGate;

    public OrderModifications(WorkflowClient client, OrderService orders, InstrumentRepository instruments,
                              KillSwitchRefusals killSwitches, RiskRefusals riskRefusals, BrokerDirectory brokers,
                              ReconciliationGate reconciliationGate) {
        this.client = client;
        this.brokers = brokers;
        this.reconciliationGate = reconciliationGate;
        this.killSwitches = killSwitches;
        this.riskRefusals = riskRefusals;
        this.orders = orders;
        this.instruments = instruments;
    }

    public ModifyOutcome modify(ApiPrincipal principal, String id, String ifMatch, ModifyOrderBody body) {
        OrderRow row = orders.find(principal, id);
        OrderService.requirePlacedHere(row, "modified");
        long expectedVersion = ETags.required(ifMatch);
        OrderTerms terms = checked(row, body);
        if (OrderState.valueOf(row.state()).isTerminal()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order is " + row.state() + " and can no longer be modified");
        }
        killSwitches.checkModify(row.tenantId(), row.account(), row.strategy(), row.quantity(), terms.quantity());
        // An order's account always exists; were it gone, the gate would refuse as for an account never reconciled.
        reconciliationGate.check(brokers.findAccount(row.tenantId(), row.account())
                .orElse(new BrokerAccountRow(row.account(), row.tenantId(), null, "PENDING")));
        String workflowId = OrderWorkflowContract.workflowId(new TenantId(row.tenantId()), new ClientOrderId(row.clientOrderId()));
        ModifyOutcome outcome;
        try {
            outcome = OrderSubmission.existing(client, workflowId).modify(new ModifyRequest(expectedVersion,
                    terms.quantity(), terms.limitPrice(), terms.stopPrice(), terms.timeInForce(), principal.actor()));
        } catch (WorkflowUpdateException e) {
            ModifyRules.Problem problem = UpdateRefusal.read(e)
                    .orElse(new ModifyRules.Problem(ErrorCode.STATE_CONFLICT, null, "the order cannot be modified now"));
            throw new ApiException(problem.code(), problem.message(),
                    problem.field() == null ? List.of() : List.of(new FieldProblem(problem.field(), problem.message())),
                    problem.code() == ErrorCode.STATE_CONFLICT ? "read the order again and retry with its current ETag" : null);
        } catch (WorkflowNotFoundException e) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order is no longer working");
        }
        if (outcome.status() == ModifyOutcome.Status.REFUSED && !outcome.denials().isEmpty()) {
            throw riskRefusals.modifyDenied(outcome.denials());
        }
        if (outcome.status() == ModifyOutcome.Status.REFUSED) {
            throw new ApiException(ErrorCode.BROKER_REJECT, "the modify was refused: " + outcome.reason(), List.of(),
                    "the order keeps working on its previous terms");
        }
        return outcome;
    }

    /** The body's terms, or 400 with every field problem at once. */
    private OrderTerms checked(OrderRow row, ModifyOrderBody body) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("body", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        TimeInForce tif = null;
        if (body.tif() != null) {
            try {
                tif = TimeInForce.valueOf(body.tif().trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("tif", "must be one of " + java.util.Arrays.toString(TimeInForce.values())));
            }
        }
        OrderTerms terms = new OrderTerms(body.qty(), body.limitPrice(), body.stopPrice(), tif);
        if (body.tif() == null || tif != null) {
            ModifyRules.termProblems(OrderType.valueOf(row.type()), TimeInForce.valueOf(row.timeInForce()), terms)
                    .forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
        }
        BigDecimal tick = instruments.findBySymbol(row.symbol()).map(i -> i.tickSize()).orElse(null);
        if (problems.stream().noneMatch(p -> p.field().equals("limitPrice"))) {
            Ticks.check("limitPrice", body.limitPrice(), tick).ifPresent(problems::add);
        }
        if (problems.stream().noneMatch(p -> p.field().equals("stopPrice"))) {
            Ticks.check("stopPrice", body.stopPrice(), tick).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        return terms;
    }
}
