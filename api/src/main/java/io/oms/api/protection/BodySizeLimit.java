package io.oms.api.protection;

import io.oms.api.security.SecurityErrors;
import io.oms.infra.config.RequestLimitProperties;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
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
            byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
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
        // The rest of the body is not read: close the connection rather than leave it half-consumed.
        response.setHeader("Connection", "close");
        errors.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + maxBytes + " bytes",
                "send a smaller body (for many orders, several batches)");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        return in.readNBytes((int) limit); // bounded: stops at the limit or the end of the body
    }
}
