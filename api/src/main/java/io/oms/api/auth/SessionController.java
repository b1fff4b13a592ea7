package io.oms.api.auth;

import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.SessionRow;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's own active sessions in the current tenant. */
@ApiRole
@RestController
public class SessionController {
    private final SignedInSessions sessions;

    SessionController(SignedInSessions sessions) {
        this.sessions = sessions;
    }

    record SessionResource(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean current) {}

    @GetMapping("/api/v1/auth/sessions")
    List<SessionResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        return sessions.list(principal).stream().map(s -> resource(s, principal)).toList();
    }

    /** Revokes one of the user's own sessions (another user's or tenant's answers 404). */
    @DeleteMapping("/api/v1/auth/sessions/{id}")
    ResponseEntity<Void> revoke(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                @PathVariable UUID id, HttpServletRequest request) {
        sessions.revoke(principal, id, "revoked by its user", request);
        return ResponseEntity.noContent().build();
    }

    private static SessionResource resource(SessionRow s, ApiPrincipal principal) {
        return new SessionResource(s.id(), s.createdAt(), s.lastUsedAt(), s.expiresAt(),
                s.id().equals(principal.sessionId()));
    }
}
