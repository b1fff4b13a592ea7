package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.config.CircuitBreakerProperties;
import io.oms.infra.persistence.BrokerDirectory;
import io.oms.infra.persistence.KillSwitchRepository;
import io.oms.infra.persistence.KillSwitchRow;
import io.oms.infra.risk.BreakerKind;
import io.oms.infra.risk.BreakerMeasurement;
import io.oms.infra.risk.BreakerMeasurements;
import io.oms.infra.risk.BreakerTrip;
import io.oms.infra.risk.CircuitBreaker;
import io.oms.infra.risk.CircuitBreakerRepository;
import io.oms.infra.risk.CircuitBreakerRules;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.breaker.CircuitBreakerClient;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.TenantId;
import io.temporal.client.WorkflowClient;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's circuit breakers ({@code risk:manage}), one per kind: list (with what each measures now and its
 * last trip), configure (upsert by kind) and delete, each change audited. Configuring an enabled breaker starts the
 * tenant's evaluation workflow if it is not running yet.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/risk/circuit-breakers")
public class CircuitBreakerController {
    private final CircuitBreakerRepository breakers;
    private final BreakerMeasurements measurements;
    private final KillSwitchRepository switches;
    private final BrokerDirectory brokers;
    private final CircuitBreakerProperties settings;
    private final WorkflowClient client;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public CircuitBreakerController(CircuitBreakerRepository breakers, BreakerMeasurements measurements,
                                    KillSwitchRepository switches, BrokerDirectory brokers,
                                    CircuitBreakerProperties settings, WorkflowClient client, CommandAudit audit) {
        this.breakers = breakers;
        this.measurements = measurements;
        this.switches = switches;
        this.brokers = brokers;
        this.settings = settings;
        this.client = client;
        this.audit = audit;
    }

    /** Every breaker of the tenant by kind, measured now as the evaluation measures it. */
    @GetMapping
    Page<CircuitBreakerResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        Instant now = now();
        return new Page<>(breakers.list(caller.tenantId()).stream().map(b -> measured(b, now)).toList(), null);
    }

    /** 201 when the breaker is created, 200 when replaced; 400 with every field problem; 404 for an unknown kind. */
    @PutMapping("/{kind}")
    ResponseEntity<CircuitBreakerResource> configure(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                     @PathVariable String kind,
                                                     @RequestBody(required = false) CircuitBreakerBody body,
                                                     HttpServletRequest http) {
        BreakerKind k = kind(kind);
        CircuitBreakerValidation.Terms t = CircuitBreakerValidation.validate(caller.tenantId(), k, body, brokers);
        Instant now = now();
        CircuitBreaker breaker = new CircuitBreaker(caller.tenantId(), k, t.scope(), t.account(), t.threshold(),
                t.windowSeconds(), t.action(), t.enabled(), caller.actor(), now, caller.actor(), now);
        boolean created = breakers.upsert(breaker);
        CircuitBreaker saved = breakers.find(caller.tenantId(), k).orElse(breaker);
        CircuitBreakerResource resource = CircuitBreakerResource.of(saved, null, Optional.empty());
        audit.record(caller, http, created ? "circuit_breaker.create" : "circuit_breaker.update", "circuit_breaker",
                k.name(), resource);
        if (saved.enabled()) {
            start(caller.tenantId());
        }
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(resource);
    }

    /** 204; 404 when the tenant has no breaker of that kind. Its trips are kept. */
    @DeleteMapping("/{kind}")
    ResponseEntity<Void> delete(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                @PathVariable String kind, HttpServletRequest http) {
        BreakerKind k = kind(kind);
        CircuitBreaker breaker = breakers.find(caller.tenantId(), k).orElseThrow(() -> ApiException.notFound("circuit breaker " + kind));
        if (!breakers.delete(caller.tenantId(), k)) throw ApiException.notFound("circuit breaker " + kind);
        audit.record(caller, http, "circuit_breaker.delete", "circuit_breaker", k.name(),
                CircuitBreakerResource.of(breaker, null, Optional.empty()));
        return ResponseEntity.noContent().build();
    }

    private CircuitBreakerResource measured(CircuitBreaker b, Instant now) {
        Optional<KillSwitchRow> switchRow = switches.find(b.tenantId(), b.scope(), b.scopeId());
        Optional<BreakerTrip> last = breakers.lastTrip(b.tenantId(), b.kind());
        Instant since = CircuitBreakerRules.since(b, switchRow, now);
        BreakerMeasurement m = measurements.measure(b, since, now, settings.minLatencySamples());
        return CircuitBreakerResource.of(b, CircuitBreakerResource.current(m, CircuitBreakerRules.level(b, last, now),
                since, switchRow), last);
    }

    /** The breaker is saved either way; without the workflow service it would not be evaluated, so say so. */
    private void start(String tenantId) {
        try {
            CircuitBreakerClient.ensureStarted(client, new TenantId(tenantId));
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "the breaker is saved but its evaluation could not be "
                    + "started: the workflow service is unavailable", List.of(), "retry the same PUT: it is idempotent");
        }
    }

    private static BreakerKind kind(String text) {
        try {
            return BreakerKind.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("circuit breaker " + text);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
