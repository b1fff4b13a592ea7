package io.oms.workflows.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainEventsTest {
    @Test
    void orderActionsThatAreDomainEventsPublishUnderTheirOwnName() {
        assertThat(DomainEvents.forOrderAction("order.filled")).contains(DomainEvents.ORDER_FILLED);
        assertThat(DomainEvents.forOrderAction("order.partially_filled")).contains(DomainEvents.ORDER_PARTIALLY_FILLED);
        assertThat(DomainEvents.forOrderAction("order.denied")).contains(DomainEvents.ORDER_DENIED);
        assertThat(DomainEvents.ORDER_EVENTS).hasSize(9).allMatch(e -> e.startsWith("order."));
    }

    @Test
    void auditOnlyActionsAreNotEvents() {
        assertThat(DomainEvents.forOrderAction("order.cancel_requested")).isEmpty();
        assertThat(DomainEvents.forOrderAction("order.fill_after_terminal")).isEmpty();
        assertThat(DomainEvents.forOrderAction(DomainEvents.POSITION_UPDATED)).isEmpty();
    }
}
