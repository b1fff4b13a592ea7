package io.oms.infra.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.TestDb;
import org.junit.jupiter.api.Test;

class OutboxRepositoryTest {
    private final TestDb db = TestDb.get();
    private final OutboxRepository outbox = new OutboxRepository(db.jdbc);
    private final String tenant = db.newTenant();

    @Test
    void listsATenantsEventsInWriteOrderAfterACursor() {
        outbox.append(tenant, "order", "o-1", "order.created", "{\"state\": \"NEW\"}");
        outbox.append(tenant, "order", "o-1", "order.routed", "{\"state\": \"ROUTED\"}");
        outbox.append(db.newTenant(), "order", "o-2", "order.created", "{}");

        var events = outbox.listAfter(tenant, 0, 10);
        assertThat(events).extracting(OutboxEvent::eventType).containsExactly("order.created", "order.routed");
        assertThat(events.get(1).payloadJson()).contains("ROUTED");
        assertThat(events.get(0).publishedAt()).isNull();
        assertThat(outbox.listAfter(tenant, events.get(0).id(), 10)).extracting(OutboxEvent::eventType)
                .containsExactly("order.routed");
    }

    @Test
    void anEventWrittenInARolledBackTransactionDoesNotExist() {
        db.tx.executeWithoutResult(status -> {
            outbox.append(tenant, "order", "o-3", "order.created", "{}");
            status.setRollbackOnly();
        });
        assertThat(outbox.listAfter(tenant, 0, 10)).isEmpty();
    }
}
