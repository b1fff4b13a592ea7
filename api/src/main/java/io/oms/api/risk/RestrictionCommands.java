package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.infra.config.ApiRole;
import io.oms.infra.risk.Restriction;
import io.oms.infra.risk.RestrictionList;
import io.oms.infra.risk.RestrictionRepository;
import io.oms.infra.risk.RestrictionRepository.Outcome;
import io.oms.infra.risk.RestrictionRepository.Upserted;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The flow the restricted-symbol and restricted-account endpoints share: list, restrict (reason check, the per-tenant
 * cap, idempotent upsert, audit of a real change) and lift (audited). Each controller keeps its own paths and its
 * own check of the key, and answers in its own resource shape.
 */
@ApiRole
@Component
public class RestrictionCommands {
    static final int MAX_REASON = 500;

    /**
     * One list as the API shows it. {@code resourceType} names it in the audit ({@code <type>.add} /
     * {@code <type>.remove}) and, spaced out, in messages; {@code view} is its JSON resource.
     */
    record Kind<R>(RestrictionList list, String resourceType, Function<Restriction, R> view) {
        String noun() {
            return resourceType.replace('_', ' ');
        }
    }

    private final RestrictionRepository restricted;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public RestrictionCommands(RestrictionRepository restricted, CommandAudit audit) {
        this.restricted = restricted;
        this.audit = audit;
    }

    <R> Page<R> list(ApiPrincipal caller, Kind<R> kind) {
        return new Page<>(restricted.list(kind.list(), caller.tenantId()).stream().map(kind.view()).toList(), null);
    }

    /**
     * 201 when the key becomes restricted, 200 when it already was (the same reason changes nothing and is not
     * audited again). 400 with the caller's {@code keyProblems} plus any about the reason, before anything is read
     * or written; 409 when the tenant is at the cap and the key is new.
     */
    <R> ResponseEntity<R> restrict(ApiPrincipal caller, HttpServletRequest http, Kind<R> kind, String key,
                                   List<FieldProblem> keyProblems, String rawReason) {
        List<FieldProblem> problems = new ArrayList<>(keyProblems);
        String reason = rawReason == null ? "" : rawReason.strip();
        if (reason.isEmpty()) problems.add(new FieldProblem("reason", "is required"));
        else if (reason.length() > MAX_REASON) problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        String tenant = caller.tenantId();
        if (restricted.find(kind.list(), tenant, key).isEmpty()
                && restricted.count(kind.list(), tenant) >= RestrictionRepository.MAX_PER_TENANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + RestrictionRepository.MAX_PER_TENANT
                    + " " + kind.noun() + "s already", List.of(), "lift a restriction first");
        }
        Upserted done = restricted.upsert(kind.list(), tenant, key, reason, caller.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        R resource = kind.view().apply(done.row());
        if (done.outcome() != Outcome.UNCHANGED) {
            audit.record(caller, http, kind.resourceType() + ".add", kind.resourceType(), key, resource);
        }
        return ResponseEntity.status(done.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(resource);
    }

    /** 204; 404 when the tenant has not restricted the key (also once lifted). */
    ResponseEntity<Void> lift(ApiPrincipal caller, HttpServletRequest http, Kind<?> kind, String key) {
        Object removed = restricted.delete(kind.list(), caller.tenantId(), key).map(kind.view())
                .orElseThrow(() -> ApiException.notFound(kind.noun()));
        audit.record(caller, http, kind.resourceType() + ".remove", kind.resourceType(), key, removed);
        return ResponseEntity.noContent().build();
    }
}
