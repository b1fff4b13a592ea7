package io.oms.infra.webhook;

import java.time.Instant;
import java.util.UUID;

/** A sender a tenant trusts to post to its inbound receiver; {@code secretSealed} opens with {@link WebhookSecrets#openForSource}. */
public record InboundSource(UUID id, String tenantId, String name, String secretSealed, Instant createdAt) {}
