package io.oms.infra.webhook;

import io.oms.infra.crypto.SecretSealer;
import java.util.UUID;

/** Seals and opens webhook secrets, bound to their row (a sealed secret copied to another row does not open). */
@org.springframework.stereotype.Component
public final class WebhookSecrets {
    private final SecretSealer sealer;

    public WebhookSecrets(SecretSealer sealer) {
        this.sealer = sealer;
    }

    public String sealForEndpoint(UUID endpointId, String secret) {
        return sealer.seal(secret, endpointContext(endpointId));
    }

    public String openForEndpoint(UUID endpointId, String sealed) {
        return sealer.openString(sealed, endpointContext(endpointId));
    }

    public String sealForSource(UUID sourceId, String secret) {
        return sealer.seal(secret, sourceContext(sourceId));
    }

    public String openForSource(UUID sourceId, String sealed) {
        return sealer.openString(sealed, sourceContext(sourceId));
    }

    private static String endpointContext(UUID id) {
        return "webhook-endpoint:" + id;
    }

    private static String sourceContext(UUID id) {
        return "webhook-inbound:" + id;
    }
}
