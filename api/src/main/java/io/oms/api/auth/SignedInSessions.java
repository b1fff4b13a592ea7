package io.oms.api.auth;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.SessionRow;
import io.oms.infra.identity.Sessions;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** A signed-in user's own sessions in the current tenant: list and revoke (audited). */
@ApiRole
@Service
class SignedInSessions {
    private final Sessions sessions;
    private final CommandAudit audit;

    SignedInSessions(Sessions sessions, CommandAudit audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The principal's session; API keys have none, so these endpoints need a user's access token. */
    static UUID requireSession(ApiPrincipal principal) {
        if (principal.sessionId() == null || principal.userId() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "this endpoint is for signed-in users", List.of(),
                    "call it with an access token from POST /api/v1/auth/login, not an API key");
        }
        return principal.sessionId();
    }

    List<SessionRow> list(ApiPrincipal principal) {
        requireSession(principal);
        return sessions.active(principal.userId(), principal.tenantId());
    }

    /** Revokes one of the principal's own sessions in its tenant; any other answers 404. */
    void revoke(ApiPrincipal principal, UUID sessionId, String reason, HttpServletRequest request) {
        requireSession(principal);
        if (!sessions.revoke(sessionId, principal.userId(), principal.tenantId(), reason)) {
            throw ApiException.notFound("session");
        }
        audit.record(principal, request, "session.revoke", "session", sessionId.toString(), Map.of("reason", reason));
    }
}
