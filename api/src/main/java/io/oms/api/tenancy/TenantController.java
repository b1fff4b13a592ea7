package io.oms.api.tenancy;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.Invites;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.Sessions;
import io.oms.infra.identity.TenantAdminRepository;
import io.oms.infra.identity.TenantRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenants, for system administrators ({@code system:admin}). Deleting deactivates (the tenant's orders and audit
 * chain refer to it): its keys stop authenticating; PUT with {@code active: true} brings it back. A caller cannot
 * deactivate its own tenant (it would lock itself out). Deactivating also ends every session in the tenant. Each command is audited in the chain of the tenant it
 * changed.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/tenants")
public class TenantController {
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    static final int MAX_NAME = 200;
    private static final int MAX_PAGE = 200;

    private final TenantAdminRepository tenants;
    private final Invites invites;
    private final CommandAudit audit;
    private final Sessions sessions;

    public TenantController(TenantAdminRepository tenants, Invites invites, CommandAudit audit, Sessions sessions) {
        this.sessions = sessions;
        this.tenants = tenants;
        this.invites = invites;
        this.audit = audit;
    }

    @GetMapping
    Page<TenantResource> list(@RequestParam Optional<String> cursor, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.validation(List.of(new FieldProblem("limit", "must be between 1 and " + MAX_PAGE)));
        }
        List<TenantRow> rows = tenants.list(cursor.map(TenantController::decodeCursor).orElse(null), limit);
        String next = rows.size() == limit ? encodeCursor(rows.getLast().id()) : null;
        return new Page<>(rows.stream().map(TenantResource::of).toList(), next);
    }

    /** 201; with {@code adminEmail}, the answer carries an ADMIN invite to the new tenant and its one-time token. */
    @PostMapping
    ResponseEntity<TenantResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                          @RequestBody(required = false) Bodies.CreateTenant body, HttpServletRequest http) {
        if (body == null || body.id() == null || !ID.matcher(body.id()).matches()) {
            throw ApiException.validation(List.of(new FieldProblem("id",
                    "is required: 2-40 of a-z 0-9 -, starting with a letter or digit")));
        }
        String name = validName(body.name());
        String email = body.adminEmail() == null ? null : Emails.valid(body.adminEmail(), "adminEmail");
        if (!tenants.create(body.id(), name)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "tenant " + body.id() + " exists already", List.of(),
                    "choose another id (deactivated tenants keep theirs)");
        }
        TenantRow row = tenants.find(body.id()).orElseThrow();
        ApiPrincipal inTenant = Callers.in(row.id(), caller);
        audit.record(inTenant, http, "tenant.create", "tenant", row.id(), TenantResource.of(row));
        TenantResource answer = TenantResource.of(row);
        if (email != null) {
            Invites.IssuedInvite issued = invites.create(row.id(), email, Role.ADMIN, caller.actor());
            audit.record(inTenant, http, "invite.create", "invite", issued.invite().id().toString(),
                    InviteResource.of(issued.invite(), Instant.now()));
            answer = answer.withInvite(InviteResource.withToken(issued.invite(), Instant.now(), issued.token()));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/{id}")
    TenantResource get(@PathVariable String id) {
        return TenantResource.of(tenants.find(id).orElseThrow(() -> ApiException.notFound("tenant")));
    }

    /** Renames; {@code active} false deactivates, true reactivates. */
    @PutMapping("/{id}")
    TenantResource update(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller, @PathVariable String id,
                          @RequestBody(required = false) Bodies.UpdateTenant body, HttpServletRequest http) {
        TenantRow current = tenants.find(id).orElseThrow(() -> ApiException.notFound("tenant"));
        String name = validName(body == null ? null : body.name());
        boolean active = body.active() == null ? current.active() : body.active();
        if (!active) {
            refuseOwnTenant(caller, id);
        }
        TenantRow row = tenants.update(id, name, active).orElseThrow(() -> ApiException.notFound("tenant"));
        if (!active) sessions.revokeAll(id, null, "tenant deactivated");
        audit.record(Callers.in(id, caller), http, "tenant.update", "tenant", id, TenantResource.of(row));
        return TenantResource.of(row);
    }

    /** 204: deactivates (idempotent). */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        if (tenants.find(id).isEmpty()) {
            throw ApiException.notFound("tenant");
        }
        refuseOwnTenant(caller, id);
        tenants.deactivate(id);
        sessions.revokeAll(id, null, "tenant deactivated");
        audit.record(Callers.in(id, caller), http, "tenant.deactivate", "tenant", id,
                tenants.find(id).map(TenantResource::of).orElse(null));
        return ResponseEntity.noContent().build();
    }

    private static void refuseOwnTenant(ApiPrincipal caller, String id) {
        if (caller.tenantId().equals(id)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "a caller cannot deactivate its own tenant", List.of(),
                    "deactivate it with a credential of another tenant");
        }
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw ApiException.validation(List.of(new FieldProblem("name", "is required, 1-" + MAX_NAME + " characters")));
        }
        return name.strip();
    }

    private static String encodeCursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (ID.matcher(id).matches()) return id;
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ApiException.validation(List.of(new FieldProblem("cursor", "is not a cursor this API issued")));
    }
}
