package io.oms.infra.webhook;

import java.time.Instant;
import java.util.UUID;

/** A message an inbound source sent, verified and accepted; {@code payload} is the body as received (UTF-8). */
public record InboundMessage(UUID sourceId, String webhookId, String tenantId, Instant signedAt, Instant receivedAt,
                             String payload) {}
