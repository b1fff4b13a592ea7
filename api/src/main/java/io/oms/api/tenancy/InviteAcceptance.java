package io.oms.api.tenancy;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.InviteRow;
import io.oms.infra.identity.Invites;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A user accepting an invite, the one way into a tenant: from {@code POST /api/v1/invites/accept} (a signed-in
 * user) or at login with {@code inviteToken} (a user who has no tenant yet and so cannot get a token first).
 * Either way the outcome answers the same and is audited in the invite's tenant.
 */
@ApiRole
@Service
public class InviteAcceptance {
    private final Invites invites;
    private final MembershipRepository memberships;
    private final CommandAudit audit;

    InviteAcceptance(Invites invites, MembershipRepository memberships, CommandAudit audit) {
        this.invites = invites;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** The membership the invite made; the caller (when known) names who acted in the audit record. */
    public MemberResource accept(String token, UUID userId, ApiPrincipal caller, HttpServletRequest http) {
        Invites.Acceptance result = invites.accept(token.strip(), userId);
        switch (result.outcome()) {
            case ACCEPTED -> { }
            case NOT_FOUND -> throw ApiException.notFound("invite");
            case EXPIRED, REVOKED, ALREADY_ACCEPTED -> throw new ApiException(ErrorCode.STATE_CONFLICT,
                    "the invite can no longer be used (" + result.outcome().name().toLowerCase() + ")", List.of(),
                    "ask the tenant's admin for a new invite");
            case WRONG_USER -> throw new ApiException(ErrorCode.FORBIDDEN, "the invite is for another email address",
                    List.of(), "sign in as the invited user");
            case ALREADY_MEMBER -> throw new ApiException(ErrorCode.STATE_CONFLICT,
                    "the user is a member of the tenant already", List.of(), null);
        }
        InviteRow invite = result.invite();
        MemberResource member = MemberResource.of(memberships.find(invite.tenantId(), userId).orElseThrow());
        ApiPrincipal actor = caller != null ? Callers.in(invite.tenantId(), caller)
                : ApiPrincipal.ofUser(invite.tenantId(), userId, null, List.of());
        audit.record(actor, http, "invite.accept", "invite", invite.id().toString(), member);
        return member;
    }
}
