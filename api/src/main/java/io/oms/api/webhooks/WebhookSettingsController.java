package io.oms.api.webhooks;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.security.ApiPrincipal;
import io.oms.infra.webhook.WebhookSettingsRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's webhook policy ({@code tenants:admin}): whether its endpoints may target loopback, private and other
 * non-public addresses (off by default; a server-side request forgery guard). Turning it off does not touch saved
 * endpoints: each attempt checks the resolved address again, so a private target then fails its deliveries.
 */
@ApiRole
@RestController
public class WebhookSettingsController {
    public record WebhookSettings(boolean allowPrivateTargets) {}

    private final WebhookSettingsRepository settings;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public WebhookSettingsController(WebhookSettingsRepository settings, CommandAudit audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @GetMapping("/api/v1/tenant/webhook-settings")
    WebhookSettings get(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return new WebhookSettings(settings.allowPrivateTargets(caller.tenantId()));
    }

    /** Replaces the policy; audited. */
    @PutMapping("/api/v1/tenant/webhook-settings")
    WebhookSettings replace(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                            @RequestBody(required = false) WebhookBodies.WebhookSettingsBody body, HttpServletRequest http) {
        if (body == null || body.allowPrivateTargets() == null) {
            throw ApiException.validation(List.of(new FieldProblem("allowPrivateTargets", "is required (true or false)")));
        }
        settings.setAllowPrivateTargets(caller.tenantId(), body.allowPrivateTargets(), clock.instant());
        WebhookSettings saved = get(caller);
        audit.record(caller, http, "tenant.webhook_settings.replace", "tenant", caller.tenantId(), saved);
        return saved;
    }
}
