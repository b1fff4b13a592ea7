package io.oms.api.killswitch;

import io.oms.api.audit.CommandAudit;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.killswitch.Engagement;
import io.oms.workflows.killswitch.KillSwitchContract;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kill switches: engage (answers once the working orders in scope are canceled, or the verification timed out),
 * release, and the caller's engaged switches. Every engage and release is audited, including those that changed
 * nothing.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/kill-switches")
public class KillSwitchController {
    private final KillSwitchService service;
    private final KillSwitchRepository switches;
    private final CommandAudit audit;

    public KillSwitchController(KillSwitchService service, KillSwitchRepository switches, CommandAudit audit) {
        this.service = service;
        this.switches = switches;
        this.audit = audit;
    }

    @PostMapping
    KillSwitchResource engage(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                              @RequestBody(required = false) KillSwitchBodies.Engage body, HttpServletRequest http) {
        return audited(principal, http, "killswitch.engage", service.engage(principal, body));
    }

    @PostMapping("/release")
    KillSwitchResource release(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                               @RequestBody(required = false) KillSwitchBodies.Release body, HttpServletRequest http) {
        KillSwitchBodies.Release b = body == null ? new KillSwitchBodies.Release(null, null, null) : body;
        return audited(principal, http, "killswitch.release", service.release(principal, b.scope(), b.scopeId(), b.reason()));
    }

    @DeleteMapping("/{scope}/{scopeId}")
    KillSwitchResource delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                              @PathVariable String scope, @PathVariable String scopeId,
                              @RequestParam(required = false) String reason, HttpServletRequest http) {
        return audited(principal, http, "killswitch.release", service.release(principal, scope, scopeId, reason));
    }

    /** The engaged switches of the caller's tenant, and the global one when engaged. */
    @GetMapping
    Page<KillSwitchResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        return new Page<>(switches.engaged(principal.tenantId(), KillSwitchContract.SYSTEM_TENANT).stream()
                .map(KillSwitchResource::of).toList(), null);
    }

    private KillSwitchResource audited(ApiPrincipal principal, HttpServletRequest http, String action, Engagement engagement) {
        KillSwitchResource resource = KillSwitchResource.of(engagement);
        audit.record(principal, http, action, "kill_switch", resource.scope() + "/" + resource.scopeId(), resource);
        return resource;
    }
}
