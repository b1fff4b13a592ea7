package io.oms.ib.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Order ids never go backwards: the next id is above the persisted mark, nextValidId, every id seen in
 * openOrder/orderStatus/execDetails and every id allocated, and whatever raises it is persisted.
 */
class OrderIdHighWaterTest {
    private final OrderIdStore store = OrderIdStore.inMemory();

    @Test
    void continuesAboveThePersistedMarkWhenTheGatewaySequenceWasReset() {
        store.storeHighWater("c", 500);
        OrderRegistry r = new OrderRegistry("c", store);
        r.onNextValidId(1); // a reset gateway
        assertThat(r.allocate()).isEqualTo(501);
        assertThat(store.loadHighWater("c")).isEqualTo(501);
    }

    @Test
    void followsNextValidIdWhenItIsAheadAndRemembersIt() {
        OrderRegistry r = new OrderRegistry("c", store);
        r.onNextValidId(1_000);
        assertThat(store.loadHighWater("c")).as("ids below nextValidId are used").isEqualTo(999);
        assertThat(r.allocate()).isEqualTo(1_000);
        assertThat(r.allocate()).isEqualTo(1_001);
    }

    @Test
    void idsSeenInOrderEventsRaiseAndPersistTheMark() {
        OrderRegistry r = new OrderRegistry("c", store);
        r.onNextValidId(10);
        r.learn(40, "placed-elsewhere", 9001L, "Submitted"); // openOrder/orderStatus of an order we did not place
        assertThat(store.loadHighWater("c")).isEqualTo(40);
        r.learn(55, null, 0, null); // execDetails
        assertThat(r.allocate()).isEqualTo(56);
        // A new process (same store) facing a reset gateway still continues above everything seen.
        OrderRegistry restarted = new OrderRegistry("c", store);
        restarted.onNextValidId(1);
        assertThat(restarted.allocate()).isEqualTo(57);
    }

    @Test
    void aLowerNextValidIdLaterDoesNotPullAllocationBack() {
        OrderRegistry r = new OrderRegistry("c", store);
        r.onNextValidId(300);
        assertThat(r.allocate()).isEqualTo(300);
        r.onNextValidId(5);
        assertThat(r.allocate()).isEqualTo(301);
        assertThat(r.peekNext()).isEqualTo(302);
    }

    @Test
    void anIdThatCannotBePersistedIsNeverHandedOut() {
        OrderIdStore failing = new OrderIdStore() {
            @Override public int loadHighWater(String c) { return 7; }
            @Override public void storeHighWater(String c, int id) { throw new IllegalStateException("db down"); }
        };
        OrderRegistry r = new OrderRegistry("c", failing);
        assertThatThrownBy(r::allocate).hasMessageContaining("db down");
        // Seen ids on the dispatch thread only log the failure; the events themselves still flow.
        assertThat(r.learn(20, "x", 1L, "Submitted")).isEqualTo("x");
    }

    @Test
    void aWithdrawnPlacementLeavesNoTraceUnderItsOrderRef() {
        OrderRegistry r = new OrderRegistry("c", store);
        int id = r.allocate();
        r.register(id, "ref-1", new CompletableFuture<>());
        assertThat(r.byRef("ref-1")).isPresent();
        r.withdraw(id);
        assertThat(r.byRef("ref-1")).isEmpty();
        assertThat(r.allocate()).as("the id is still spent").isGreaterThan(id);
    }
}
