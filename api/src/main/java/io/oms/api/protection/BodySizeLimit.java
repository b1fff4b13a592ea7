package io.oms.api.protection;

import io.oms.api.security.SecurityErrors;
import io.oms.infra.config.RequestLimitProperties;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body larger than {@code oms.api.limits.max-body-size} with 413 before anything parses it (and
 * before authentication, so that no one can make the server read a huge body): by its {@code Content-Length}, or,
 * for a body without one (chunked), by reading at most the limit plus one byte into memory first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the trace id, so the refusal carries it
public class BodySizeLimit extends OncePerRequestFilter {
    private final long maxBytes;
    private final SecurityErrors errors;

    public BodySizeLimit(RequestLimitProperties limits, SecurityErrors errors) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1); // bounded: limit + 1 at most
            if (body.length > maxBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The unread rest of the body is Tomcat's to discard: it swallows up to server.tomcat.max-swallow-size
        // (2 MB) so that the client can read this answer, and closes the connection beyond that.
        errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes",
                "send a smaller body (for many orders, several batches)");
    }
}
