package io.oms.api.audit;

import io.oms.infra.config.ApiRole;
import io.oms.infra.config.AuditProperties;
import io.oms.infra.persistence.AuditRecord;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audits an operator command that the API carried out: who (the API key), what ({@code order.submit},
 * {@code order.cancel}, {@code order.modify}, ...), on which resource, from which address and user agent, with
 * the resource as the command left it. Every call is its own record (commands carry no resource version), and
 * joins the tenant's hash chain.
 */
@ApiRole
@Component
public class CommandAudit {
    static final int MAX_USER_AGENT = 512;

    private final AuditRepository audit;
    private final AuditProperties settings;
    private final JsonMapper json;
    private final Clock clock;

    public CommandAudit(AuditRepository audit, AuditProperties settings, JsonMapper json) {
        this.audit = audit;
        this.settings = settings;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * Records one command. {@code result} is the resource after the command (serialised to JSON, may be null).
     * Call it once the command succeeded, inside any idempotency wrapper, so a replayed answer is not a new record.
     */
    public void record(ApiPrincipal principal, HttpServletRequest request, String action, String resourceType,
                       String resourceId, Object result) {
        audit.append(new AuditRecord(principal.tenantId(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                principal.actor(), action, resourceType, resourceId, null, null,
                result == null ? null : json.writeValueAsString(result),
                request.getMethod() + " " + request.getRequestURI(),
                ClientAddress.of(request, settings.trustedProxies()), userAgent(request)));
    }


    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null || agent.length() <= MAX_USER_AGENT ? agent : agent.substring(0, MAX_USER_AGENT);
    }
}
