package io.oms.api.webhooks.inbound;

import io.oms.infra.webhook.InboundMessage;
import java.time.Instant;

/** A message accepted from a source: its webhook-id, when it was signed and received, and the body as received. */
public record InboundMessageResource(String webhookId, Instant signedAt, Instant receivedAt, String body) {
    static InboundMessageResource of(InboundMessage m) {
        return new InboundMessageResource(m.webhookId(), m.signedAt(), m.receivedAt(), m.payload());
    }
}
