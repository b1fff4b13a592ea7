package io.oms.api.webhooks.inbound;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.config.RequestLimitProperties;
import io.oms.infra.config.WebhookProperties;
import io.oms.infra.webhook.InboundSource;
import io.oms.infra.webhook.InboundSourceRepository;
import io.oms.infra.webhook.StandardWebhooks;
import io.oms.infra.webhook.StandardWebhooks.Verdict;
import io.oms.infra.webhook.WebhookSecrets;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public inbound receiver: no bearer token, the Standard Webhooks signature with the source's secret is the
 * authentication. The signature is checked over the body's raw bytes, read here (never re-serialised), within the
 * request size limit. Neither the secret nor the signature is ever logged or echoed.
 */
@ApiRole
@RestController
public class InboundReceiverController {
    public static final String PATH = "/api/v1/webhooks/inbound/{source}";
    /** The longest webhook-id accepted (it is a primary key column). */
    static final int MAX_WEBHOOK_ID = 256;

    private final InboundSourceRepository sources;
    private final WebhookSecrets secrets;
    private final InboundMessages messages;
    private final WebhookProperties settings;
    private final long maxBodyBytes;
    private final Clock clock = Clock.systemUTC();

    public InboundReceiverController(InboundSourceRepository sources, WebhookSecrets secrets, InboundMessages messages,
                                     WebhookProperties settings, RequestLimitProperties limits) {
        this.sources = sources;
        this.secrets = secrets;
        this.messages = messages;
        this.settings = settings;
        this.maxBodyBytes = limits.maxBodySize().toBytes();
    }

    public record InboundAccepted(String messageId) {}

    /**
     * 202 once verified and stored with its {@code webhook.received} event; 404 for an unknown or deleted source,
     * 401 WEBHOOK_SIGNATURE_INVALID for a message that does not verify, 409 WEBHOOK_REPLAYED for a webhook-id the
     * source already delivered. Only an accepted message stores anything.
     */
    @PostMapping(PATH)
    ResponseEntity<InboundAccepted> receive(@PathVariable String source, HttpServletRequest request) throws IOException {
        UUID sourceId = Ids.uuidOrNotFound(source, "inbound source " + source);
        InboundSource found = sources.findForReceiver(sourceId)
                .orElseThrow(() -> ApiException.notFound("inbound source " + source));
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBodyBytes + " bytes");
        }
        String webhookId = request.getHeader(StandardWebhooks.HEADER_ID);
        String timestamp = request.getHeader(StandardWebhooks.HEADER_TIMESTAMP);
        Instant now = clock.instant();
        Verdict verdict = StandardWebhooks.verify(List.of(secrets.openForSource(found.id(), found.secretSealed())),
                webhookId, timestamp, request.getHeader(StandardWebhooks.HEADER_SIGNATURE), body, now,
                settings.inboundTolerance());
        if (verdict != Verdict.VALID) throw refused(verdict, request);
        if (webhookId.length() > MAX_WEBHOOK_ID) {
            throw ApiException.validation(List.of(new FieldProblem(StandardWebhooks.HEADER_ID,
                    "must be at most " + MAX_WEBHOOK_ID + " characters")));
        }
        if (containsNul(body)) {
            throw ApiException.validation(List.of(new FieldProblem("body",
                    "must not contain NUL characters, raw or as the JSON escape \\u0000 (they cannot be stored)")));
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        if (!messages.accept(found, webhookId, signedAt, now, body)) {
            throw new ApiException(ErrorCode.WEBHOOK_REPLAYED, "this source already delivered webhook-id " + webhookId,
                    List.of(new FieldProblem(StandardWebhooks.HEADER_ID, "was already accepted")),
                    "nothing to do: the first delivery was accepted; send new messages with new ids");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new InboundAccepted(webhookId));
    }

    /** PostgreSQL text and jsonb refuse U+0000, whether it comes as a byte or, in JSON, as an escape. */
    static boolean containsNul(byte[] body) {
        for (byte b : body) if (b == 0) return true;
        return new String(body, java.nio.charset.StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT).contains("\\u0000");
    }

    private static ApiException refused(Verdict verdict, HttpServletRequest request) {
        String header = switch (verdict) {
            case MISSING_HEADERS -> missingHeader(request);
            case MALFORMED_TIMESTAMP, TIMESTAMP_OUT_OF_TOLERANCE -> StandardWebhooks.HEADER_TIMESTAMP;
            default -> StandardWebhooks.HEADER_SIGNATURE;
        };
        return new ApiException(ErrorCode.WEBHOOK_SIGNATURE_INVALID, "the message's signature does not verify: " + verdict,
                List.of(new FieldProblem(header, verdict.name())),
                "sign id.timestamp.body with the source's secret (Standard Webhooks), with a current Unix timestamp");
    }

    private static String missingHeader(HttpServletRequest request) {
        for (String name : List.of(StandardWebhooks.HEADER_ID, StandardWebhooks.HEADER_TIMESTAMP, StandardWebhooks.HEADER_SIGNATURE)) {
            String value = request.getHeader(name);
            if (value == null || value.isBlank()) return name;
        }
        return StandardWebhooks.HEADER_SIGNATURE;
    }
}
