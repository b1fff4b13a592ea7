package io.oms.api.tenancy;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.Member;
import io.oms.infra.identity.MembershipChange;
import io.oms.infra.identity.Sessions;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The members of the caller's tenant: list ({@code tenants:manage}), change a role or remove one
 * ({@code tenants:admin}). A tenant always keeps an admin (409 STATE_CONFLICT otherwise), and a caller cannot set
 * or touch a role above its own (403). A removed or demoted member's API keys shrink with them at their next use,
 * and their sessions in the tenant end (their access tokens stop working; they log in again with the new role).
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/members")
public class MemberController {
    private final MembershipRepository memberships;
    private final CommandAudit audit;
    private final Sessions sessions;

    public MemberController(MembershipRepository memberships, CommandAudit audit, Sessions sessions) {
        this.memberships = memberships;
        this.audit = audit;
        this.sessions = sessions;
    }

    @GetMapping
    Page<MemberResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return new Page<>(memberships.list(caller.tenantId()).stream().map(MemberResource::of).toList(), null);
    }

    @PutMapping("/{userId}")
    MemberResource changeRole(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String userId, @RequestBody(required = false) Bodies.ChangeRole body,
                              HttpServletRequest http) {
        Member member = find(caller, userId);
        Role role = RoleGrants.parse(body == null ? null : body.role(), "role");
        RoleGrants.requireWithin(caller, role);
        RoleGrants.requireWithin(caller, member.role());
        refuseLastAdmin(memberships.changeRole(caller.tenantId(), member.userId(), role));
        if (role != member.role()) sessions.revokeAll(caller.tenantId(), member.userId(), "role changed");
        MemberResource after = MemberResource.of(find(caller, userId));
        audit.record(caller, http, "member.role_change", "member", member.userId().toString(), after);
        return after;
    }

    /** 204. */
    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String userId, HttpServletRequest http) {
        Member member = find(caller, userId);
        RoleGrants.requireWithin(caller, member.role());
        refuseLastAdmin(memberships.remove(caller.tenantId(), member.userId()));
        sessions.revokeAll(caller.tenantId(), member.userId(), "membership removed");
        audit.record(caller, http, "member.remove", "member", member.userId().toString(), MemberResource.of(member));
        return ResponseEntity.noContent().build();
    }

    private Member find(ApiPrincipal caller, String userId) {
        UUID id = Ids.uuidOrNotFound(userId, "member");
        return memberships.find(caller.tenantId(), id).orElseThrow(() -> ApiException.notFound("member"));
    }

    private static void refuseLastAdmin(MembershipChange change) {
        switch (change) {
            case DONE -> { }
            case NOT_FOUND -> throw ApiException.notFound("member");
            case LAST_ADMIN -> throw new ApiException(ErrorCode.STATE_CONFLICT,
                    "a tenant keeps at least one admin: this is its last", List.of(),
                    "make another member ADMIN first");
        }
    }
}
