package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.error.TraceIds;
import io.oms.api.idempotency.IdempotentRequests;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Up to {@value BatchRunner#MAX_ITEMS} submissions or cancels in one request. The batch itself answers 200 (or 400
 * when its shape is wrong, and then nothing is done); each item carries what the single endpoint would have answered.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/orders/batch")
public class OrderBatchController {
    private final OrderCommands commands;
    private final IdempotentRequests idempotent;

    public OrderBatchController(OrderCommands commands, IdempotentRequests idempotent) {
        this.commands = commands;
        this.idempotent = idempotent;
    }

    /** With an {@code Idempotency-Key}, the key covers the whole batch: a repeat replays every item's first answer. */
    @PostMapping
    ResponseEntity<?> submit(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                             @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                             @RequestBody BatchSubmitBody body, HttpServletRequest request) {
        return idempotent.execute(principal, idempotencyKey, "POST /api/v1/orders/batch", body, () -> {
            List<SubmitOrderBody> orders = checkSize("orders", body.orders());
            return ResponseEntity.ok(BatchRunner.run(orders, TraceIds.of(request),
                    order -> commands.submit(principal, request, order)));
        });
    }

    @PostMapping("/cancel")
    BatchResults cancel(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                        @RequestBody BatchCancelBody body, HttpServletRequest request) {
        List<String> ids = checkSize("ids", body.ids());
        return BatchRunner.run(ids, TraceIds.of(request), id -> commands.cancel(principal, request, id == null ? "" : id));
    }

    private static <T> List<T> checkSize(String field, List<T> items) {
        if (items == null || items.isEmpty() || items.size() > BatchRunner.MAX_ITEMS) {
            throw ApiException.validation(List.of(new FieldProblem(field,
                    "must hold 1 to " + BatchRunner.MAX_ITEMS + " items, not " + (items == null ? 0 : items.size()))));
        }
        return items;
    }
}
