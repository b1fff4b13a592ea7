package io.oms.api.orders;

import io.oms.infra.config.ApiRole;
import io.oms.api.idempotency.IdempotentRequests;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.PagedLists;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.order.ModifyOutcome;
import jakarta.servlet.http.HttpServletRequest;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import io.oms.workflows.domain.Side;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@ApiRole
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {
    private final OrderService service;
    private final ExecutionRepository executions;
    private final IdempotentRequests idempotent;
    private final OrderCommands commands;
    private final OrderModifications modifications;
    private final PagedLists pages;

    public OrderController(OrderService service, PagedLists pages, ExecutionRepository executions,
                           IdempotentRequests idempotent, OrderCommands commands, OrderModifications modifications) {
        this.service = service;
        this.pages = pages;
        this.executions = executions;
        this.idempotent = idempotent;
        this.commands = commands;
        this.modifications = modifications;
    }

    /**
     * 201 once the broker acknowledged or rejected a new order; 200 for a replay of the same clientOrderId; with
     * an {@code Idempotency-Key}, a repeat of the same request replays the first answer.
     */
    @PostMapping
    ResponseEntity<?> submit(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @RequestBody SubmitOrderBody body, HttpServletRequest http) {
        return idempotent.execute(principal, idempotencyKey, "POST /api/v1/orders", body,
                () -> commands.submit(principal, http, body));
    }

    /** The order with its version as ETag, for a later PATCH's If-Match. */
    @GetMapping("/{id}")
    ResponseEntity<OrderResource> get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                      @PathVariable String id) {
        return OrderCommands.tagged(HttpStatus.OK, OrderResource.of(service.find(principal, id)));
    }

    /**
     * Modify quantity, limit or stop price, or time in force. If-Match (the ETag of a read) is required: 428
     * without it, 409 STATE_CONFLICT when the order has changed since. 200 once IB confirmed the new terms, 202
     * while IB has not answered within the wait (the order is PENDING_MODIFY).
     */
    @PatchMapping("/{id}")
    ResponseEntity<OrderResource> modify(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                         @PathVariable String id,
                                         @RequestHeader(value = ETags.IF_MATCH, required = false) String ifMatch,
                                         @RequestBody(required = false) ModifyOrderBody body, HttpServletRequest http) {
        ModifyOutcome outcome = modifications.modify(principal, id, ifMatch, body);
        return commands.modified(principal, http, OrderResource.of(outcome.order()),
                outcome.status() == ModifyOutcome.Status.CONFIRMED);
    }

    /** Filters, sort and cursor as declared; {@code created_after}/{@code created_before} are exclusive instants. */
    @GetMapping
    @Listing(resource = "orders", filters = {"state", "symbol", "side", "account", "created_after", "created_before"},
            sorts = "created_at", defaultSort = "-created_at")
    Page<OrderResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, ListQuery query) {
        PagedLists.OrderFilter filter = new PagedLists.OrderFilter(
                query.filter("state", OrderController::parseState, "must be one of " + Arrays.toString(OrderState.values())),
                query.filter("symbol").map(s -> s.toUpperCase(Locale.ROOT)),
                query.filter("side", s -> Side.valueOf(s.toUpperCase(Locale.ROOT)).name(), "must be BUY or SELL"),
                query.filter("account"),
                query.filter("created_after", Instant::parse, "must be an ISO-8601 instant like 2026-12-01T13:00:00Z"),
                query.filter("created_before", Instant::parse, "must be an ISO-8601 instant like 2026-12-01T13:00:00Z"));
        Optional<PagedLists.OrderKey> after = query.after(k -> new PagedLists.OrderKey(Instant.parse(k.get(0)), UUID.fromString(k.get(1))));
        List<OrderRow> rows = pages.orders(principal.tenantId(), filter, query.ascending(), after, query.fetchSize());
        return query.page(rows, OrderResource::of, r -> List.of(r.createdAt().toString(), r.id().toString()));
    }

    /** 200 when the cancel is confirmed by IB; 202 when it was sent and IB has not confirmed it yet. */
    @PostMapping("/{id}/cancel")
    ResponseEntity<OrderResource> cancel(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                         @PathVariable String id, HttpServletRequest http) {
        return commands.cancel(principal, http, id);
    }

    @GetMapping("/{id}/executions")
    List<ExecutionResource> executions(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                       @PathVariable String id) {
        OrderRow order = service.find(principal, id);
        return executions.listByOrder(principal.tenantId(), order.id()).stream().map(ExecutionResource::of).toList();
    }

    private static String parseState(String state) {
        return OrderState.valueOf(state.toUpperCase(Locale.ROOT)).name();
    }
}
