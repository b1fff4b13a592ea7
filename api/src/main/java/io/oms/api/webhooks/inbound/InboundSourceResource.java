package io.oms.api.webhooks.inbound;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oms.infra.webhook.InboundSource;
import java.time.Instant;

/**
 * An inbound webhook source. {@code secret} is present only in the answer that created it (shown once);
 * {@code receiveUrl} is where the sender posts its signed messages.
 */
public record InboundSourceResource(String id, String name, String receiveUrl, Instant createdAt,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static InboundSourceResource of(InboundSource source, String baseUrl) {
        return new InboundSourceResource(source.id().toString(), source.name(), receiveUrl(baseUrl, source),
                source.createdAt(), null);
    }

    static InboundSourceResource withSecret(InboundSource source, String baseUrl, String secret) {
        return new InboundSourceResource(source.id().toString(), source.name(), receiveUrl(baseUrl, source),
                source.createdAt(), secret);
    }

    private static String receiveUrl(String baseUrl, InboundSource source) {
        return baseUrl + InboundReceiverController.PATH.replace("{source}", source.id().toString());
    }
}
