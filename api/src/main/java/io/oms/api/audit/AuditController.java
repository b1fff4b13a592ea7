package io.oms.api.audit;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.audit.AuditChainVerifier;
import io.oms.infra.audit.ChainVerification;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.AuditEntry;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.security.ApiPrincipal;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The caller's tenant's audit trail: listing it, and recomputing its hash chain. */
@ApiRole
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
    private static final int MAX_PAGE = 200;

    private final AuditRepository audit;
    private final AuditChainVerifier verifier;
    private final JsonMapper json;

    public AuditController(AuditRepository audit, AuditChainVerifier verifier, JsonMapper json) {
        this.audit = audit;
        this.verifier = verifier;
        this.json = json;
    }

    /** Newest first; {@code resourceId} narrows a {@code resourceType}. */
    @GetMapping
    Page<AuditEntryResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                  @RequestParam Optional<String> resourceType,
                                  @RequestParam Optional<String> resourceId,
                                  @RequestParam Optional<String> cursor,
                                  @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.validation(List.of(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE)));
        }
        if (resourceId.isPresent() && resourceType.isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem("resourceType", "is required with resourceId")));
        }
        Optional<UUID> before = cursor.map(AuditController::decodeCursor);
        List<AuditEntry> entries = audit.list(principal.tenantId(), resourceType, resourceId, before, limit);
        String next = entries.size() == limit ? encodeCursor(entries.getLast().id()) : null;
        return new Page<>(entries.stream().map(e -> AuditEntryResource.of(e, json)).toList(), next);
    }

    /** Recomputes the whole chain of the caller's tenant; {@code ok} false names the first broken link. */
    @GetMapping("/verify")
    ChainVerification verify(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        return verifier.verify(principal.tenantId());
    }

    // The cursor is the last entry's id (UUIDv7): unchained entries have no seq yet but are listed too.
    private static String encodeCursor(UUID id) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static UUID decodeCursor(String cursor) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length != 16) {
                throw new IllegalArgumentException("not 16 bytes");
            }
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (RuntimeException e) {
            throw ApiException.validation(List.of(new FieldProblem("cursor", "is not a cursor this API issued")));
        }
    }
}
