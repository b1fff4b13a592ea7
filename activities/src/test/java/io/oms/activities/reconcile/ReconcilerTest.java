package io.oms.activities.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.client.CompletedOrderEvent;
import io.oms.ib.client.ExecutionEvent;
import io.oms.ib.client.OpenOrderEvent;
import io.oms.infra.reconcile.OmsOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The comparison of IB's orders and executions with the OMS's, without I/O. */
class ReconcilerTest {
    private static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    private final Reconciler reconciler = new Reconciler("acme", Duration.ofSeconds(5));

    @Test
    void anExecutionTheLedgerLacksIsAMissedFillOfItsOrder() {
        OmsOrder o = oms("c1", "ROUTED", NOW.minusSeconds(60));
        Plan plan = reconciler.compare(ib(List.of(open("c1", 11L)), List.of(), List.of(exec("e1.01", "c1", 11L), exec("e2.01", "c1", 11L))),
                side(List.of(o), Set.of("e1.01")), NOW);
        assertThat(plan.missedFills()).extracting(m -> m.execution().execId()).containsExactly("e2.01");
        assertThat(plan.missedFills().getFirst().order()).isEqualTo(o);
        assertThat(plan.stateDrifts()).isEmpty();
        assertThat(plan.externals()).isEmpty();
    }

    @Test
    void aWorkingOrderIbFinishedIsAStateDrift() {
        OmsOrder o = oms("c1", "ROUTED", NOW.minusSeconds(60));
        Plan plan = reconciler.compare(ib(List.of(), List.of(completed("c1", 11L, "Cancelled")), List.of()),
                side(List.of(o), Set.of()), NOW);
        assertThat(plan.stateDrifts()).singleElement().satisfies(d -> {
            assertThat(d.order()).isEqualTo(o);
            assertThat(d.completed().status()).isEqualTo("Cancelled");
        });
        assertThat(plan.unknownAtBroker()).isEmpty();
    }

    @Test
    void aWorkingOrderIbDoesNotListIsUnknownOnlyOnceOldEnoughToHaveReachedIb() {
        OmsOrder old = oms("old", "ROUTED", NOW.minusSeconds(60));
        OmsOrder young = oms("young", "NEW", NOW.minusSeconds(1));
        Plan plan = reconciler.compare(ib(List.of(), List.of(), List.of()), side(List.of(old, young), Set.of()), NOW);
        assertThat(plan.unknownAtBroker()).containsExactly(old);
    }

    @Test
    void anOrderIbStillWorksThatTheOmsFinishedIsRecorded() {
        OmsOrder done = oms("c1", "CANCELED", NOW.minusSeconds(60));
        Map<String, OmsOrder> named = new HashMap<>(Map.of("c1", done));
        Plan plan = reconciler.compare(ib(List.of(open("c1", 11L)), List.of(), List.of()),
                new OmsSide(List.of(), named, Set.of()), NOW);
        assertThat(plan.workingButClosed()).singleElement().satisfies(w -> assertThat(w.order()).isEqualTo(done));
    }

    @Test
    void ordersPlacedElsewhereAreExternalWithTheirUnrecordedFills() {
        OpenOrderEvent manual = new OpenOrderEvent(0, 77L, 0, null, "DU1", "MSFT", "STK", "SMART", "USD", "BUY",
                new BigDecimal("10"), "LMT", new BigDecimal("1.00"), "DAY", "Submitted");
        ExecutionEvent otherTenant = exec("x1.01", null, 78L);
        Plan plan = reconciler.compare(ib(List.of(manual), List.of(), List.of(otherTenant)), side(List.of(), Set.of()), NOW);
        assertThat(plan.externals()).extracting(e -> e.order().permId()).containsExactly(77L, 78L);
        assertThat(plan.externals().get(0).order().state()).isEqualTo("ROUTED");
        assertThat(plan.externals().get(0).order().clientOrderId()).isEqualTo("ext-77");
        assertThat(plan.externals().get(1).order().state()).as("known only by its fill").isEqualTo("FILLED");
        assertThat(plan.externals().get(1).newExecutions()).extracting(ExecutionEvent::execId).containsExactly("x1.01");
    }

    @Test
    void anotherTenantsOrderRefIsNotThisTenantsOrder() {
        assertThat(reconciler.clientOrderIdOf("order/acme/c1")).isEqualTo("c1");
        assertThat(reconciler.clientOrderIdOf("order/other/c1")).isNull();
        assertThat(reconciler.clientOrderIdOf("manual")).isNull();
        assertThat(reconciler.clientOrderIdOf(null)).isNull();
    }

    @Test
    void agreementFindsNothing() {
        OmsOrder o = oms("c1", "PARTIALLY_FILLED", NOW.minusSeconds(60));
        Plan plan = reconciler.compare(ib(List.of(open("c1", 11L)), List.of(), List.of(exec("e1.01", "c1", 11L))),
                side(List.of(o), Set.of("e1.01")), NOW);
        assertThat(plan.hasSuspects()).isFalse();
        assertThat(plan.externals()).isEmpty();
    }

    @Test
    void completedOrdersAreNeededOnlyWhenAWorkingOrderIsNotOpenAtIbOrAFillIsUnknown() {
        OmsOrder o = oms("c1", "ROUTED", NOW.minusSeconds(60));
        assertThat(reconciler.needsCompletedOrders(ib(List.of(open("c1", 11L)), List.of(), List.of(exec("e1.01", "c1", 11L))),
                side(List.of(o), Set.of("e1.01")))).isFalse();
        assertThat(reconciler.needsCompletedOrders(ib(List.of(), List.of(), List.of()), side(List.of(o), Set.of())))
                .as("the working order is not open at IB").isTrue();
        assertThat(reconciler.needsCompletedOrders(ib(List.of(open("c1", 11L)), List.of(), List.of(exec("e2.01", null, 99L))),
                side(List.of(o), Set.of()))).as("a fill the ledger lacks").isTrue();
    }

    @Test
    void aSecondLookKeepsOnlyWhatTheFirstFoundToo() {
        OmsOrder o = oms("c1", "ROUTED", NOW.minusSeconds(60));
        Plan first = reconciler.compare(ib(List.of(open("c1", 11L)), List.of(), List.of(exec("e1.01", "c1", 11L))),
                side(List.of(o), Set.of()), NOW);
        Plan second = reconciler.compare(ib(List.of(open("c1", 11L)), List.of(),
                List.of(exec("e1.01", "c1", 11L), exec("e2.01", "c1", 11L))), side(List.of(o), Set.of()), NOW);
        assertThat(second.confirmedBy(first).missedFills()).extracting(m -> m.execution().execId())
                .as("e2 appeared between the looks: the next run judges it").containsExactly("e1.01");
    }

    private static BrokerSnapshot ib(List<OpenOrderEvent> open, List<CompletedOrderEvent> completed, List<ExecutionEvent> execs) {
        return new BrokerSnapshot(open, completed, execs, List.of(), false);
    }

    private static OmsSide side(List<OmsOrder> live, Set<String> known) {
        Map<String, OmsOrder> named = new HashMap<>();
        live.forEach(o -> named.put(o.clientOrderId(), o));
        return new OmsSide(live, named, known);
    }

    private static OmsOrder oms(String cid, String state, Instant created) {
        return new OmsOrder(UUID.randomUUID(), cid, "AAPL", "BUY", state, new BigDecimal("10"), BigDecimal.ZERO, 11, 11L,
                "OMS", created);
    }

    private static OpenOrderEvent open(String cid, long permId) {
        return new OpenOrderEvent(11, permId, 1, "order/acme/" + cid, "DU1", "AAPL", "STK", "SMART", "USD", "BUY",
                new BigDecimal("10"), "LMT", new BigDecimal("100"), "DAY", "Submitted");
    }

    private static CompletedOrderEvent completed(String cid, long permId, String status) {
        return new CompletedOrderEvent(permId, 11, "order/acme/" + cid, "DU1", "AAPL", "STK", "BUY", new BigDecimal("10"),
                "LMT", new BigDecimal("100"), null, "DAY", status, BigDecimal.ZERO, "20261201 10:00:00", NOW, status);
    }

    private static ExecutionEvent exec(String execId, String cid, long permId) {
        return new ExecutionEvent(execId, 11, permId, 1, cid == null ? null : "order/acme/" + cid, "DU1", "AAPL", "BOT",
                new BigDecimal("5"), new BigDecimal("100"), new BigDecimal("5"), new BigDecimal("100"), "ISLAND", NOW, "raw");
    }
}
