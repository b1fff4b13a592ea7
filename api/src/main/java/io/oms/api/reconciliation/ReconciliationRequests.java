package io.oms.api.reconciliation;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.BrokerAccountRow;
import io.oms.infra.config.ReconciliationProperties;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.reconcile.ReconciliationReads;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.reconcile.ReconcileInput;
import io.oms.workflows.reconcile.ReconcileRequest;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.ReconciliationClient;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * An operator's request for a MANUAL full run of one of the tenant's accounts: signalled to the account's
 * reconciliation workflow (started when none runs). Another tenant's account, or no account, is a 400 naming the
 * field, and nothing is asked.
 */
@ApiRole
@Service
public class ReconciliationRequests {
    private final WorkflowClient client;
    private final BrokerDirectory brokers;
    private final ReconciliationReads reads;
    private final ReconciliationProperties properties;

    public ReconciliationRequests(WorkflowClient client, BrokerDirectory brokers, ReconciliationReads reads,
                                  ReconciliationProperties properties) {
        this.properties = properties;
        this.client = client;
        this.brokers = brokers;
        this.reads = reads;
    }

    /** Asks for the run; answers the account's sync view as it stands (the run itself comes asynchronously). */
    public AccountSyncResource request(ApiPrincipal principal, ReconciliationBodies.ReconciliationRunRequest body) {
        BrokerAccountRow account = account(principal, body == null ? null : body.account());
        try {
            ReconciliationClient.request(client, new ReconcileInput(account.accountCode(), account.connectionName(),
                            properties.openOrdersInterval(), properties.positionsInterval()),
                    new ReconcileRequest(ReconcileTrigger.MANUAL, principal.actor()));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the workflow service is unavailable", List.of(),
                    "retry; a repeated request asks for one more run at most");
        }
        return reads.accounts(principal.tenantId(), Optional.of(account.accountCode())).stream()
                .map(AccountSyncResource::of).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + account.accountCode() + " vanished"));
    }

    private BrokerAccountRow account(ApiPrincipal principal, String code) {
        if (code == null || code.isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("account", "is required")));
        }
        return brokers.findAccount(principal.tenantId(), code.trim()).orElseThrow(() ->
                ApiException.validation(List.of(new FieldProblem("account", "is not an account of this tenant"))));
    }
}
