package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.security.ApiPrincipal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/orders:by_client_order_id?client_order_id=}: an order by the id the client gave it, within
 * the caller's tenant. A custom method (Google API style) rather than a sub-path, so it cannot collide with
 * {@code /orders/{id}}.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1")
public class OrderLookupController {
    private final OrderRepository orders;

    public OrderLookupController(OrderRepository orders) {
        this.orders = orders;
    }

    @GetMapping("/orders:by_client_order_id")
    OrderResource byClientOrderId(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                  @RequestParam(name = "client_order_id", required = false) String clientOrderId) {
        if (clientOrderId == null || clientOrderId.isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("client_order_id", "is required")));
        }
        return orders.findByClientOrderId(principal.tenantId(), clientOrderId).map(OrderResource::of)
                .orElseThrow(() -> ApiException.notFound("order with client order id " + clientOrderId));
    }
}
