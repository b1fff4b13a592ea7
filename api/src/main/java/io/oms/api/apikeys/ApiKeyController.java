package io.oms.api.apikeys;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.api.tenancy.Ids;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.Scopes;
import io.oms.infra.security.ApiKeyRepository;
import io.oms.infra.security.ApiKeyRow;
import io.oms.infra.security.ApiKeys;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.security.IssuedKey;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's API keys: list, create (scopes a subset of the caller's), rotate, revoke. A caller sees and manages
 * its own keys (those its user owns; a key without owner: itself); a {@code tenants:admin} caller every key of the
 * tenant. Any other key, of this tenant or another, answers 404. Every command is audited, never with the key.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/api-keys")
public class ApiKeyController {
    static final int MAX_NAME = 100;

    private final ApiKeys keys;
    private final ApiKeyRepository repository;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public ApiKeyController(ApiKeys keys, ApiKeyRepository repository, CommandAudit audit) {
        this.keys = keys;
        this.repository = repository;
        this.audit = audit;
    }

    @GetMapping
    Page<ApiKeyResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        Instant now = clock.instant();
        List<ApiKeyRow> rows = caller.hasScope(Scopes.TENANTS_ADMIN) ? repository.listByTenant(caller.tenantId())
                : caller.userId() != null ? repository.listByOwner(caller.tenantId(), caller.userId())
                : repository.find(caller.tenantId(), caller.keyId()).stream().toList();
        return new Page<>(rows.stream().map(row -> ApiKeyResource.of(row, now)).toList(), null);
    }

    /** 201 with the plaintext {@code key}, the only time it is shown. The new key is owned by the caller's user. */
    @PostMapping
    ResponseEntity<ApiKeyResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                          @RequestBody(required = false) CreateApiKeyBody body, HttpServletRequest http) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("name", "is required")));
        }
        String name = validName(body.name());
        Instant expiresAt = validExpiry(body.expiresAt());
        List<String> scopes = ScopeGrants.check(caller, body.scopes());
        IssuedKey issued = keys.issue(caller.tenantId(), name, scopes, expiresAt, caller.userId());
        ApiKeyResource shown = ApiKeyResource.of(issued.row(), clock.instant());
        audit.record(caller, http, "api_key.create", "api_key", issued.row().id().toString(), shown);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(ApiKeyResource.withKey(issued.row(), clock.instant(), issued.plaintext()));
    }

    /** 200 with the new plaintext {@code key}; the old one stops working at once. 409 for a revoked or expired key. */
    @PostMapping("/{id}/rotate")
    ApiKeyResource rotate(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                          @PathVariable String id, HttpServletRequest http) {
        ApiKeyRow row = visible(caller, id);
        if (!row.isActive(clock.instant())) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "only an active key can be rotated", List.of(),
                    "create a new key instead");
        }
        // Whoever rotates learns the new secret: they must be able to grant what it carries.
        ScopeGrants.requireHeld(caller, row.scopes());
        IssuedKey issued = keys.rotate(caller.tenantId(), row.id()).orElseThrow(() -> ApiException.notFound("API key"));
        ApiKeyResource shown = ApiKeyResource.of(issued.row(), clock.instant());
        audit.record(caller, http, "api_key.rotate", "api_key", row.id().toString(), shown);
        return ApiKeyResource.withKey(issued.row(), clock.instant(), issued.plaintext());
    }

    /** 204; revoking a revoked key again is a no-op that also answers 204. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        ApiKeyRow row = visible(caller, id);
        keys.revoke(caller.tenantId(), row.id());
        ApiKeyRow after = repository.find(caller.tenantId(), row.id()).orElse(row);
        audit.record(caller, http, "api_key.revoke", "api_key", row.id().toString(), ApiKeyResource.of(after, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The key if this caller may manage it; 404 otherwise, whether it is another tenant's or another user's. */
    private ApiKeyRow visible(ApiPrincipal caller, String id) {
        UUID keyId = Ids.uuidOrNotFound(id, "API key");
        ApiKeyRow row = repository.find(caller.tenantId(), keyId).orElseThrow(() -> ApiException.notFound("API key"));
        boolean mine = caller.userId() != null ? caller.userId().equals(row.ownerUserId()) : row.id().equals(caller.keyId());
        if (!mine && !caller.hasScope(Scopes.TENANTS_ADMIN)) {
            throw ApiException.notFound("API key");
        }
        return row;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw ApiException.validation(List.of(new FieldProblem("name", "is required, 1-" + MAX_NAME + " characters")));
        }
        return name.strip();
    }

    private Instant validExpiry(String expiresAt) {
        if (expiresAt == null) {
            return null;
        }
        try {
            Instant at = OffsetDateTime.parse(expiresAt).toInstant();
            if (at.isAfter(clock.instant())) {
                return at;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ApiException.validation(List.of(new FieldProblem("expiresAt",
                "must be an ISO-8601 instant with a zone or offset, in the future")));
    }
}
