package io.oms.api.orders;

import io.oms.workflows.domain.OrderState;
import org.springframework.http.HttpStatus;

/** The success status of an order answer, shared by the single and the batch endpoints so they cannot drift. */
final class OrderStatuses {
    private OrderStatuses() {}

    /** 201 acknowledged or rejected by the broker, 202 still NEW, 200 a replay of an earlier submission. */
    static HttpStatus submitted(OrderService.Submitted submitted) {
        if (!submitted.created()) {
            return HttpStatus.OK;
        }
        return "NEW".equals(submitted.order().state()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED;
    }

    /** 200 once the order is finished (IB confirmed the cancel, or a fill won the race), 202 while PENDING_CANCEL. */
    static HttpStatus canceled(OrderResource order) {
        return OrderState.valueOf(order.state()).isTerminal() ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
