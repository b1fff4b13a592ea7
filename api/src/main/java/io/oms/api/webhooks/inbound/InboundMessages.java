package io.oms.api.webhooks.inbound;

import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.webhook.InboundMessage;
import io.oms.infra.webhook.InboundSource;
import io.oms.infra.webhook.InboundSourceRepository;
import io.oms.workflows.domain.DomainEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a verified inbound message and its {@code webhook.received} event in one transaction, so the event stream
 * shows exactly the accepted messages. The message's primary key (source, webhook-id) refuses a replay; then
 * neither the message nor the event is written.
 */
@ApiRole
@Component
public class InboundMessages {
    /** The key of the event's subject in the outbox envelope. */
    static final String SUBJECT = "webhook";

    private final InboundSourceRepository sources;
    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public InboundMessages(InboundSourceRepository sources, OutboxRepository outbox, TransactionTemplate tx, JsonMapper json) {
        this.sources = sources;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
    }

    /** True when accepted now; false when the source had already delivered this webhook-id (nothing written). */
    public boolean accept(InboundSource source, String webhookId, Instant signedAt, Instant receivedAt, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        Instant received = receivedAt.truncatedTo(ChronoUnit.MICROS);
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!sources.accept(new InboundMessage(source.id(), webhookId, source.tenantId(), signedAt, received, text))) {
                return false;
            }
            outbox.appendEvent(source.tenantId(), DomainEvents.AGGREGATE_WEBHOOK_SOURCE, source.id().toString(),
                    DomainEvents.WEBHOOK_RECEIVED, received, SUBJECT, subject(source, webhookId, signedAt, text));
            return true;
        }));
    }

    private String subject(InboundSource source, String webhookId, Instant signedAt, String body) {
        ObjectNode subject = json.createObjectNode();
        subject.put("sourceId", source.id().toString());
        subject.put("sourceName", source.name());
        subject.put("webhookId", webhookId);
        subject.put("signedAt", signedAt.toString());
        subject.set("body", parsedOrText(body));
        return json.writeValueAsString(subject);
    }

    /** The body as JSON when it is JSON, else as a string. */
    private JsonNode parsedOrText(String body) {
        try {
            JsonNode parsed = json.readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(body);
            if (parsed != null && !parsed.isMissingNode()) return parsed;
        } catch (RuntimeException e) {
            // not JSON: kept as text below
        }
        return json.getNodeFactory().textNode(body);
    }
}
