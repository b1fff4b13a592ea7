package io.oms.workflows;

import static io.oms.workflows.domain.OrderState.CANCELED;
import static io.oms.workflows.domain.OrderState.DENIED;
import static io.oms.workflows.domain.OrderState.EXPIRED;
import static io.oms.workflows.domain.OrderState.FILLED;
import static io.oms.workflows.domain.OrderState.NEW;
import static io.oms.workflows.domain.OrderState.PARTIALLY_FILLED;
import static io.oms.workflows.domain.OrderState.PENDING_CANCEL;
import static io.oms.workflows.domain.OrderState.PENDING_MODIFY;
import static io.oms.workflows.domain.OrderState.REJECTED;
import static io.oms.workflows.domain.OrderState.ROUTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.workflows.domain.IllegalTransitionException;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.domain.OrderTransitions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrderTransitionsTest {
    /** The legal moves, written out independently of the table under test. */
    private static final Map<OrderState, Set<OrderState>> EXPECTED = Map.of(
            NEW, EnumSet.of(DENIED, ROUTED, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELED, REJECTED, EXPIRED),
            ROUTED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_MODIFY, PENDING_CANCEL, CANCELED, REJECTED, EXPIRED),
            PARTIALLY_FILLED, EnumSet.of(FILLED, PENDING_MODIFY, PENDING_CANCEL, CANCELED, EXPIRED),
            PENDING_CANCEL, EnumSet.of(ROUTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),
            PENDING_MODIFY, EnumSet.of(ROUTED, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED),
            DENIED, EnumSet.noneOf(OrderState.class),
            FILLED, EnumSet.noneOf(OrderState.class),
            CANCELED, EnumSet.noneOf(OrderState.class),
            REJECTED, EnumSet.noneOf(OrderState.class),
            EXPIRED, EnumSet.noneOf(OrderState.class));

    static Stream<Arguments> everyIllegalPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (OrderState from : OrderState.values()) {
            for (OrderState to : OrderState.values()) {
                if (!EXPECTED.get(from).contains(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    static Stream<Arguments> everyLegalPair() {
        return EXPECTED.entrySet().stream().flatMap(e -> e.getValue().stream().map(to -> Arguments.of(e.getKey(), to)));
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("everyIllegalPair")
    void refusesEveryMoveNotInTheTable(OrderState from, OrderState to) {
        assertThat(OrderTransitions.isLegal(from, to)).isFalse();
        assertThatThrownBy(() -> OrderTransitions.check(from, to))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining(from + " -> " + to);
    }

    @ParameterizedTest(name = "{0} -> {1} is legal")
    @MethodSource("everyLegalPair")
    void allowsEveryMoveInTheTable(OrderState from, OrderState to) {
        assertThat(OrderTransitions.isLegal(from, to)).isTrue();
        assertThat(OrderTransitions.targets(from)).contains(to);
    }

    @Test
    void coversEveryStateAndTheTwoTablesAgree() {
        for (OrderState from : OrderState.values()) {
            assertThat(OrderTransitions.targets(from)).as(from.name()).isEqualTo(EXPECTED.get(from));
        }
    }

    @Test
    void terminalStatesAbsorbEverything() {
        for (OrderState terminal : EnumSet.of(DENIED, FILLED, CANCELED, REJECTED, EXPIRED)) {
            assertThat(terminal.isTerminal()).isTrue();
            assertThat(OrderTransitions.targets(terminal)).as(terminal.name()).isEmpty();
        }
    }

    @Test
    void pendingStatesAreStillLiveExposure() {
        assertThat(PENDING_CANCEL.isWorking()).isTrue();
        assertThat(PENDING_MODIFY.isWorking()).isTrue();
        assertThat(OrderTransitions.isLegal(PENDING_CANCEL, FILLED)).isTrue();
        assertThat(OrderTransitions.isLegal(PENDING_MODIFY, FILLED)).isTrue();
    }

    @Test
    void deniedIsReachableOnlyBeforeRouting() {
        for (OrderState from : OrderState.values()) {
            assertThat(OrderTransitions.isLegal(from, DENIED)).as(from.name()).isEqualTo(from == NEW);
        }
    }
}
