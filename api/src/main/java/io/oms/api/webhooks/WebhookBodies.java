package io.oms.api.webhooks;

import java.util.List;

/** Request bodies of the webhook endpoints. */
public final class WebhookBodies {
    private WebhookBodies() {}

    /**
     * An endpoint as created or replaced: {@code eventTypes} are domain event types or {@code *}; {@code active}
     * defaults to true; a PUT replaces every field (an absent description clears it).
     */
    public record WebhookEndpointBody(String url, List<String> eventTypes, String description, Boolean active) {}

    /** {@code overlap}: ISO-8601 duration the old secret keeps signing (default PT24H, PT0S ends it at once, max P7D). */
    public record WebhookRotateSecretBody(String overlap) {}

    /** The tenant's webhook policy. */
    public record WebhookSettingsBody(Boolean allowPrivateTargets) {}
}
