package io.oms.api.orders;

import io.oms.api.audit.CommandAudit;
import io.oms.infra.config.ApiRole;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.OrderState;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Submit and cancel as API commands: carried out, audited with the caller's address, and answered with the
 * order, its status and its ETag. The single and the batch endpoints both answer through here, so they cannot
 * drift.
 */
@ApiRole
@Component
public class OrderCommands {
    private final OrderService service;
    private final CommandAudit audit;

    public OrderCommands(OrderService service, CommandAudit audit) {
        this.service = service;
        this.audit = audit;
    }

    /** 201 acknowledged or rejected by the broker, 202 still NEW, 200 a replay of an earlier submission. */
    ResponseEntity<OrderResource> submit(ApiPrincipal principal, HttpServletRequest http, SubmitOrderBody body) {
        OrderService.Submitted submitted = service.submit(principal, body);
        OrderResource order = submitted.order();
        audit.record(principal, http, "order.submit", "order", order.id(), order);
        HttpStatus status = !submitted.created() ? HttpStatus.OK
                : "NEW".equals(order.state()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
        return tagged(status, order);
    }

    /** 200 once the order is finished (IB confirmed the cancel, or a fill won the race), 202 while PENDING_CANCEL. */
    ResponseEntity<OrderResource> cancel(ApiPrincipal principal, HttpServletRequest http, String id) {
        OrderResource order = service.cancel(principal, id);
        audit.record(principal, http, "order.cancel", "order", order.id(), order);
        return tagged(OrderState.valueOf(order.state()).isTerminal() ? HttpStatus.OK : HttpStatus.ACCEPTED, order);
    }

    /** A modify already carried out by {@link OrderModifications}: audited and answered the same way. */
    ResponseEntity<OrderResource> modified(ApiPrincipal principal, HttpServletRequest http, OrderResource order,
                                           boolean confirmed) {
        audit.record(principal, http, "order.modify", "order", order.id(), order);
        return tagged(confirmed ? HttpStatus.OK : HttpStatus.ACCEPTED, order);
    }

    static ResponseEntity<OrderResource> tagged(HttpStatus status, OrderResource order) {
        return ResponseEntity.status(status).eTag(ETags.of(order.version())).body(order);
    }
}
