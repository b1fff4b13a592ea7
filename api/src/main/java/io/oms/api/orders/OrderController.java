package io.oms.api.orders;

import io.oms.infra.config.ApiRole;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.idempotency.IdempotentRequests;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.persistence.ExecutionRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.order.ModifyOutcome;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ApiRole
@RestController
@RequestMapping("/api/v1/orders")
public class OrderController {
    private static final int MAX_PAGE = 200;

    private final OrderService service;
    private final OrderRepository orders;
    private final ExecutionRepository executions;
    private final IdempotentRequests idempotent;
    private final OrderCommands commands;
    private final OrderModifications modifications;

    public OrderController(OrderService service, OrderRepository orders, ExecutionRepository executions,
                           IdempotentRequests idempotent, OrderCommands commands, OrderModifications modifications) {
        this.service = service;
        this.orders = orders;
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

    @GetMapping
    Page<OrderResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                             @RequestParam Optional<String> state,
                             @RequestParam Optional<String> cursor,
                             @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.validation(List.of(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE)));
        }
        Optional<String> stateFilter = state.map(OrderController::parseState);
        Optional<UUID> before = cursor.map(OrderController::decodeCursor);
        List<OrderRow> rows = orders.list(principal.tenantId(), stateFilter, before, limit);
        String next = rows.size() == limit ? encodeCursor(rows.getLast().id()) : null;
        return new Page<>(rows.stream().map(OrderResource::of).toList(), next);
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
        try {
            return OrderState.valueOf(state.toUpperCase()).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem("state", "must be one of "
                    + java.util.Arrays.toString(OrderState.values()))));
        }
    }

    private static String encodeCursor(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static UUID decodeCursor(String cursor) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor));
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (RuntimeException e) {
            throw ApiException.validation(List.of(new FieldProblem("cursor", "is not a cursor this API issued")));
        }
    }
}
