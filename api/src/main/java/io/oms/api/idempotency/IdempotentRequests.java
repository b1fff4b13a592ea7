package io.oms.api.idempotency;

import io.oms.api.error.ApiErrorHandler;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.config.ApiProperties;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.IdempotencyRepository;
import io.oms.infra.persistence.IdempotencyRepository.IdempotencyRecord;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import org.slf4j.MDC;

/**
 * The {@code Idempotency-Key} contract of creating POSTs: the first request with a key is carried out and its
 * answer kept for the retention period; the same key with the same request replays that answer (status and
 * body, with {@code Idempotent-Replayed: true}); the same key with a different request is refused with 409
 * {@code IDEMPOTENT_REPLAY}. A request refused before it changed anything (bad input) does not use up its key.
 */
@ApiRole
@Service
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
    /** Expired keys are deleted once every this many claims: cheap with the expiry index, and no scheduler. */
    private static final int PURGE_EVERY = 1_000;

    private final AtomicLong claims = new AtomicLong();
    private final IdempotencyRepository keys;
    private final ApiProperties properties;
    private final JsonMapper json;

    public IdempotentRequests(IdempotencyRepository keys, ApiProperties properties, JsonMapper json) {
        this.keys = keys;
        this.properties = properties;
        this.json = json;
    }

    /** Runs {@code action} once per (tenant, key); without a key it simply runs it. */
    public ResponseEntity<?> execute(ApiPrincipal principal, String key, String operation, Object request,
                                     Supplier<ResponseEntity<?>> action) {
        return execute(principal, key, operation, request, action, UnaryOperator.identity());
    }

    /**
     * As {@link #execute(ApiPrincipal, String, String, Object, Supplier)}, but what is kept for replays is
     * {@code kept} applied to the answer's body: an answer that shows a secret once is kept without it (a replay
     * then answers without the secret), so no secret is ever stored in plain text.
     */
    public ResponseEntity<?> execute(ApiPrincipal principal, String key, String operation, Object request,
                                     Supplier<ResponseEntity<?>> action, UnaryOperator<Object> kept) {
        if (key == null) {
            return action.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.validation(List.of(new FieldProblem(HEADER, "must be 1 to 255 visible ASCII characters")));
        }
        String tenant = principal.tenantId();
        String hash = hash(operation, request);
        Instant expires = Instant.now().plus(properties.idempotencyRetention());
        if (claims.incrementAndGet() % PURGE_EVERY == 0) {
            keys.purgeExpired();
        }
        if (!keys.claim(tenant, key, hash, expires)) {
            return replay(keys.find(tenant, key), hash);
        }
        ResponseEntity<?> response;
        try {
            response = action.get();
        } catch (ApiException e) {
            if (e.code() != ErrorCode.ORDER_DENIED) {
                keys.release(tenant, key);
                throw e;
            }
            // The denied order exists: a retry must get this answer again, never a second order.
            response = ApiErrorHandler.answerFor(e, MDC.get("trace_id"));
        } catch (RuntimeException e) {
            keys.release(tenant, key);
            throw e;
        }
        if (response.getStatusCode().is5xxServerError()) {
            keys.release(tenant, key);
        } else {
            keys.answer(tenant, key, response.getStatusCode().value(),
                    json.writeValueAsString(kept.apply(response.getBody())));
        }
        return response;
    }

    private static ResponseEntity<?> replay(Optional<IdempotencyRecord> earlier, String hash) {
        IdempotencyRecord record = earlier.orElseThrow(() -> new ApiException(ErrorCode.STATE_CONFLICT,
                "the Idempotency-Key was just released; retry the request"));
        if (!record.requestHash().equals(hash)) {
            throw new ApiException(ErrorCode.IDEMPOTENT_REPLAY,
                    "this Idempotency-Key was used for a different request", List.of(),
                    "use a new key for a new request; a key may only repeat the identical request");
        }
        if (!record.answered()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "a request with this Idempotency-Key is still in progress",
                    List.of(), "retry shortly with the same key");
        }
        return ResponseEntity.status(record.status()).contentType(MediaType.APPLICATION_JSON)
                .header(REPLAYED, "true").body(record.response());
    }

    /** What the key is bound to: the operation and the request as the API understood it (not its formatting). */
    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

}
