package io.oms.api.reconciliation;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.reconcile.ReconciliationReads;
import io.oms.infra.reconcile.ReconciliationRunRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.reconcile.ReconcileTrigger;
import io.oms.workflows.reconcile.RunScope;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reconciliation runs of the caller's tenant (listed, one with its findings, a MANUAL one asked for) and its
 * accounts' sync view, which says whether they take new orders.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/reconciliation")
public class ReconciliationController {
    static final List<String> RUN_STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED");

    private final ReconciliationReads reads;
    private final ReconciliationRequests requests;
    private final CommandAudit audit;
    private final JsonMapper json;

    public ReconciliationController(ReconciliationReads reads, ReconciliationRequests requests, CommandAudit audit,
                                    JsonMapper json) {
        this.reads = reads;
        this.requests = requests;
        this.audit = audit;
        this.json = json;
    }

    /** Newest started first by default; filters combine with AND; {@code status}, {@code trigger}, {@code scope} ignore case. */
    @GetMapping("/runs")
    @Listing(resource = "reconciliation-runs", filters = {"account", "status", "trigger", "scope"},
            sorts = "started_at", defaultSort = "-started_at")
    Page<ReconciliationRunResource> runs(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                         ListQuery query) {
        ReconciliationReads.RunFilter filter = new ReconciliationReads.RunFilter(query.filter("account"),
                query.filter("status", s -> Filters.oneOf(s, RUN_STATUSES), "must be one of " + RUN_STATUSES),
                query.filter("trigger", s -> Filters.oneOf(s, Filters.names(ReconcileTrigger.values())),
                        "must be one of " + Filters.names(ReconcileTrigger.values())),
                query.filter("scope", s -> Filters.oneOf(s, Filters.names(RunScope.values())),
                        "must be one of " + Filters.names(RunScope.values())));
        Optional<ReconciliationReads.TimeKey> after = query.after(Filters::timeKey);
        List<ReconciliationRunRow> rows = reads.runs(principal.tenantId(), filter, query.ascending(), after,
                query.fetchSize());
        return query.page(rows, r -> ReconciliationRunResource.of(r, json),
                r -> List.of(r.startedAt().toString(), r.id().toString()));
    }

    /** The run and all its findings; another tenant's run, or an id that is none, is 404. */
    @GetMapping("/runs/{id}")
    ReconciliationRunDetail run(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                @PathVariable String id) {
        ReconciliationRunRow run = Filters.uuid(id).flatMap(uuid -> reads.run(principal.tenantId(), uuid))
                .orElseThrow(() -> ApiException.notFound("reconciliation run " + id));
        return new ReconciliationRunDetail(ReconciliationRunResource.of(run, json),
                reads.findings(principal.tenantId(), run.id()).stream().map(ReconciliationFindingResource::of).toList());
    }

    /** 202: a MANUAL full run is asked for; the answer is the account's sync view now. Audited. */
    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccountSyncResource requestRun(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                   @RequestBody(required = false) ReconciliationBodies.ReconciliationRunRequest body,
                                   HttpServletRequest http) {
        AccountSyncResource account = requests.request(principal, body);
        audit.record(principal, http, "reconciliation.run.request", "broker_account", account.account(), account);
        return account;
    }

    /**
     * The tenant's broker accounts and whether each takes new orders (SYNCED), by account code. Not paged: a
     * tenant has a handful of accounts.
     */
    @GetMapping("/accounts")
    @Listing(resource = "reconciliation-accounts", filters = "account", paged = false)
    List<AccountSyncResource> accounts(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                       ListQuery query) {
        return reads.accounts(principal.tenantId(), query.filter("account")).stream().map(AccountSyncResource::of)
                .toList();
    }
}
