package io.oms.api.tenancy;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.InviteRepository;
import io.oms.infra.identity.InviteRow;
import io.oms.infra.identity.Invites;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * Invitations to the caller's tenant ({@code tenants:admin}): create (the token is in that answer only), list,
 * revoke; and accepting one, by a signed-in user whose email is the invited one (any tenant's credential: the
 * invite names the tenant).
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/invites")
public class InviteController {
    private final Invites invites;
    private final InviteRepository repository;
    private final MembershipRepository memberships;
    private final CommandAudit audit;
    private final InviteAcceptance acceptance;
    private final Clock clock = Clock.systemUTC();

    public InviteController(Invites invites, InviteRepository repository, MembershipRepository memberships,
                            CommandAudit audit, InviteAcceptance acceptance) {
        this.invites = invites;
        this.acceptance = acceptance;
        this.repository = repository;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** 201 with the one-time {@code token}; 409 when the person is a member or has a pending invite already. */
    @PostMapping
    ResponseEntity<InviteResource> create(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                          @RequestBody(required = false) Bodies.CreateInvite body, HttpServletRequest http) {
        String email = Emails.valid(body == null ? null : body.email(), "email");
        Role role = RoleGrants.parse(body.role(), "role");
        RoleGrants.requireWithin(caller, role);
        if (memberships.hasMemberWithEmail(caller.tenantId(), email)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "this person is a member already", List.of(),
                    "change their role with PUT /api/v1/members/{userId}");
        }
        if (repository.hasPending(caller.tenantId(), email)) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "this person has a pending invite already", List.of(),
                    "revoke it with DELETE /api/v1/invites/{id} to send a new one");
        }
        Invites.IssuedInvite issued = invites.create(caller.tenantId(), email, role, caller.actor());
        Instant now = clock.instant();
        audit.record(caller, http, "invite.create", "invite", issued.invite().id().toString(),
                InviteResource.of(issued.invite(), now));
        return ResponseEntity.status(HttpStatus.CREATED).body(InviteResource.withToken(issued.invite(), now, issued.token()));
    }

    /** Newest first (at most 500), with status PENDING, ACCEPTED, REVOKED or EXPIRED. */
    @GetMapping
    Page<InviteResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        Instant now = clock.instant();
        return new Page<>(repository.list(caller.tenantId()).stream().map(i -> InviteResource.of(i, now)).toList(), null);
    }

    /** 204 (again for a revoked one); 409 once accepted. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String id, HttpServletRequest http) {
        InviteRow invite = repository.find(caller.tenantId(), Ids.uuidOrNotFound(id, "invite"))
                .orElseThrow(() -> ApiException.notFound("invite"));
        if (invite.acceptedAt() != null) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the invite was accepted already", List.of(),
                    "remove the member with DELETE /api/v1/members/{userId}");
        }
        repository.revoke(caller.tenantId(), invite.id());
        InviteRow after = repository.find(caller.tenantId(), invite.id()).orElse(invite);
        audit.record(caller, http, "invite.revoke", "invite", invite.id().toString(), InviteResource.of(after, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** 201 with the new membership. Open to any authenticated user principal; keys without a user get 403. */
    @PostMapping("/accept")
    ResponseEntity<MemberResource> accept(
            @RequestAttribute(value = BearerAuthentication.PRINCIPAL, required = false) ApiPrincipal caller,
            @RequestBody(required = false) Bodies.AcceptInvite body, HttpServletRequest http) {
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "a signed-in user is required", List.of(),
                    "send Authorization: Bearer <access token or a key your user owns>");
        }
        if (caller.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "only a user can accept an invite, not a key without owner",
                    List.of(), "sign in as the invited user");
        }
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("token", "is required")));
        }
        MemberResource member = acceptance.accept(body.token(), caller.userId(), caller, http);
        return ResponseEntity.status(HttpStatus.CREATED).body(member);
    }
}
