package io.oms.api.security;

import io.oms.api.error.ErrorEnvelope;
import io.oms.api.error.TraceIds;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 from the security chain, and any filter's refusal, as the error envelope. A 403 never names
 * the resource: it says which scope the credential lacks for this endpoint, nothing about what exists.
 */
@Component
public class SecurityErrors implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final JsonMapper json;

    public SecurityErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, ErrorCode.UNAUTHENTICATED, "a valid API key or access token is required",
                "send Authorization: Bearer <api key or access token>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String scope = ApiAccessRules.scopeFor(request);
        write(request, response, ErrorCode.FORBIDDEN, "this credential may not call this endpoint",
                scope == null ? null : "it needs scope " + scope);
    }

    /** Writes an error envelope with the code's status; for filters that refuse a request themselves. */
    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
            String hint) throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType("application/json");
        json.writeValue(response.getOutputStream(),
                new ErrorEnvelope(TraceIds.of(request), code.name(), message, List.of(), hint));
    }
}
