package io.oms.api.orders;

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

    /** 200 when IB confirmed the cancel, 202 when it was sent and is not confirmed yet. */
    static HttpStatus canceled(OrderResource order) {
        return "CANCELED".equals(order.state()) ? HttpStatus.OK : HttpStatus.ACCEPTED;
    }
}
