package io.oms.api.auth;

import io.oms.api.audit.CommandAudit;
import io.oms.api.auth.AuthBodies.UnlockBody;
import io.oms.api.auth.AuthBodies.UnlockRequestBody;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.UnlockTokens;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Unlocking a locked account: by a single-use token sent to the user (request, then redeem), or by an
 * administrator of a tenant the user belongs to.
 */
@ApiRole
@RestController
public class UnlockController {
    private final UnlockTokens tokens;
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final CommandAudit audit;

    UnlockController(UnlockTokens tokens, UserRepository users, MembershipRepository memberships, CommandAudit audit) {
        this.tokens = tokens;
        this.users = users;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** Always 202, whether or not the email belongs to an account (the answer must not tell). */
    @PostMapping("/api/v1/auth/unlock/request")
    ResponseEntity<Map<String, String>> request(@RequestBody UnlockRequestBody body) {
        if (body == null || body.email() == null || body.email().isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("email", "is required")));
        }
        tokens.request(body.email());
        return ResponseEntity.accepted().body(Map.of("status",
                "if an account has this email, an unlock token has been sent to its owner"));
    }

    @PostMapping("/api/v1/auth/unlock")
    ResponseEntity<Void> unlock(@RequestBody UnlockBody body) {
        if (body == null || body.token() == null || body.token().isBlank()) {
            throw ApiException.validation(List.of(new FieldProblem("token", "is required")));
        }
        if (tokens.redeem(body.token()).isEmpty()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "the unlock token is not valid (unknown, used or expired)",
                    List.of(), "request a new one with POST /api/v1/auth/unlock/request");
        }
        return ResponseEntity.noContent().build();
    }

    /** A tenant administrator unlocks a member of their tenant; a user outside it answers 404. */
    @PostMapping("/api/v1/users/{id}/unlock")
    ResponseEntity<Void> adminUnlock(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                     @PathVariable UUID id, HttpServletRequest request) {
        if (memberships.roleIn(principal.tenantId(), id).isEmpty()) throw ApiException.notFound("user");
        users.clearFailures(id);
        audit.record(principal, request, "user.unlock", "user", id.toString(), null);
        return ResponseEntity.noContent().build();
    }
}
