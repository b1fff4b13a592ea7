package io.oms.workflows;

import static io.oms.workflows.domain.OrderState.CANCELED;
import static io.oms.workflows.domain.OrderState.FILLED;
import static io.oms.workflows.domain.OrderState.NEW;
import static io.oms.workflows.domain.OrderState.PARTIALLY_FILLED;
import static io.oms.workflows.domain.OrderState.REJECTED;
import static io.oms.workflows.domain.OrderState.ROUTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.domain.IllegalTransitionException;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderTransitions;
import org.junit.jupiter.api.Test;

class OrderTransitionsTest {

    @Test
    void terminalStatesHaveNoWayOut() {
        for (OrderState terminal : new OrderState[] {FILLED, CANCELED, REJECTED}) {
            for (OrderState target : OrderState.values()) {
                assertThat(OrderTransitions.isLegal(terminal, target)).as(terminal + " -> " + target).isFalse();
            }
        }
    }

    @Test
    void partiallyFilledOrderCannotBeRejectedOrGoBack() {
        assertThat(OrderTransitions.isLegal(PARTIALLY_FILLED, REJECTED)).isFalse();
        assertThat(OrderTransitions.isLegal(PARTIALLY_FILLED, ROUTED)).isFalse();
        assertThat(OrderTransitions.isLegal(PARTIALLY_FILLED, NEW)).isFalse();
        assertThat(OrderTransitions.isLegal(PARTIALLY_FILLED, FILLED)).isTrue();
        assertThat(OrderTransitions.isLegal(PARTIALLY_FILLED, CANCELED)).isTrue();
    }

    @Test
    void fillMayArriveBeforeAcknowledgement() {
        assertThat(OrderTransitions.isLegal(NEW, PARTIALLY_FILLED)).isTrue();
        assertThat(OrderTransitions.isLegal(NEW, FILLED)).isTrue();
    }

    @Test
    void checkNamesBothStatesOfAnIllegalMove() {
        assertThatThrownBy(() -> OrderTransitions.check(FILLED, CANCELED))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("FILLED -> CANCELED");
    }
}
