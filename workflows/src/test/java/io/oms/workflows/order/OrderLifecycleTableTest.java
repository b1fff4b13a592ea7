package io.oms.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.domain.ClientOrderId;
import io.oms.workflows.domain.OrderId;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderTransitions;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TenantId;
import io.oms.workflows.domain.TimeInForce;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the order can receive (each IB status word, each IB error code it knows, fills, and each request
 * of the OMS), offered in every state: the order either stays where it is or makes a move in the table. An
 * input that asks for an illegal move is refused and leaves the state as it was.
 */
class OrderLifecycleTableTest {
    private static final Instant T0 = Instant.parse("2026-11-24T15:00:00Z");
    private static final String[] STATUSES = {"PendingSubmit", "ApiPending", "PreSubmitted", "Submitted", "PendingCancel",
            "ApiCancelled", "Cancelled", "Filled", "Inactive"};
    private static final int[] ERRORS = {201, 103, 200, 460, 202, 10147, 10148, 161, 135, 136, 104, 105, 404, 399};

    /** How to bring a fresh order into each state. */
    private static final Map<OrderState, Consumer<OrderLifecycle>> REACH = new LinkedHashMap<>();

    static {
        REACH.put(OrderState.NEW, o -> {});
        REACH.put(OrderState.DENIED, o -> o.denied("test", T0));
        REACH.put(OrderState.ROUTED, o -> o.routed(T0));
        REACH.put(OrderState.PARTIALLY_FILLED, o -> fill(routed(o), "p", "4"));
        REACH.put(OrderState.PENDING_MODIFY, o -> routed(o).modifyRequested(T0));
        REACH.put(OrderState.PENDING_CANCEL, o -> routed(o).cancelRequested(false, T0));
        REACH.put(OrderState.FILLED, o -> fill(routed(o), "f", "10"));
        REACH.put(OrderState.CANCELED, o -> routed(o).brokerStatus("Cancelled", null, T0));
        REACH.put(OrderState.REJECTED, o -> o.rejected("test", T0));
        REACH.put(OrderState.EXPIRED, o -> routed(o).cancelRequested(true, T0));
    }

    static Stream<Arguments> everyInputInEveryState() {
        Map<String, Function<OrderLifecycle, Transition>> inputs = new LinkedHashMap<>();
        for (String status : STATUSES) {
            inputs.put("status " + status, o -> o.brokerStatus(status, null, T0));
        }
        for (int code : ERRORS) {
            inputs.put("error " + code, o -> o.brokerError(code, "test", T0));
        }
        inputs.put("partial fill", o -> fill(o, "x", "1"));
        inputs.put("completing fill", o -> fill(o, "y", "10"));
        inputs.put("cancel requested", o -> o.cancelRequested(false, T0));
        inputs.put("expiry", o -> o.cancelRequested(true, T0));
        inputs.put("cancel refused", o -> o.cancelRefused("test", T0));
        inputs.put("modify requested", o -> o.modifyRequested(T0));
        inputs.put("modify confirmed", o -> o.modifyConfirmed(new OrderTerms(null, new BigDecimal("51"), null, null), T0));
        inputs.put("modify refused", o -> o.modifyRefused("test", T0));
        inputs.put("denied", o -> o.denied("test", T0));
        inputs.put("rejected", o -> o.rejected("test", T0));
        List<Arguments> cases = new ArrayList<>();
        for (OrderState state : REACH.keySet()) {
            inputs.forEach((name, input) -> cases.add(Arguments.of(state, name, input)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyInputInEveryState")
    void everyInputStaysOrMakesALegalMove(OrderState from, String input, Function<OrderLifecycle, Transition> offer) {
        OrderLifecycle order = new OrderLifecycle(request());
        order.applyCurrentRules();
        order.created();
        REACH.get(from).accept(order);
        if (from == OrderState.EXPIRED) {
            order.brokerStatus("Cancelled", null, T0);
        }
        assertThat(order.state()).as("reached").isEqualTo(from);

        Transition t = offer.apply(order);
        OrderState after = order.state();
        assertThat(after == from || OrderTransitions.isLegal(from, after)).as(from + " -> " + after).isTrue();
        if (t.kind() == Transition.Kind.REFUSED) {
            assertThat(after).isEqualTo(from);
            assertThat(OrderTransitions.isLegal(t.refusedFrom(), t.refusedTo())).isFalse();
        }
        if (from.isTerminal()) {
            assertThat(after).isEqualTo(from);
        }
    }

    private static OrderLifecycle routed(OrderLifecycle order) {
        order.routed(T0);
        return order;
    }

    private static Transition fill(OrderLifecycle order, String id, String qty) {
        FillBook.Offer offer = order.offer(id + UUID.randomUUID(), new BigDecimal(qty), new BigDecimal("50"));
        return order.filled(offer == FillBook.Offer.CORRECTION, T0);
    }

    private static OrderRequest request() {
        return new OrderRequest(new OrderId(UUID.randomUUID()), new TenantId("t1"), new ClientOrderId("c1"), "DU1", "sim",
                "AAPL", Side.BUY, OrderType.LMT, BigDecimal.TEN, new BigDecimal("50"), null, null, null, TimeInForce.GTC,
                null, false, "tester", T0);
    }
}
