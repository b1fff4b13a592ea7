package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.risk.RiskOverrideValidation.Draft;
import io.oms.infra.config.ApiRole;
import io.oms.infra.ids.UuidV7;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.persistence.OrderRepository;
import io.oms.infra.persistence.OrderRow;
import io.oms.infra.persistence.OutboxRepository;
import io.oms.infra.risk.OverrideStatus;
import io.oms.infra.risk.OverrideTerms;
import io.oms.infra.risk.StoredDenial;
import io.oms.infra.risk.LimitType;
import io.oms.infra.risk.RiskLimit;
import io.oms.infra.risk.RiskLimitRepository;
import io.oms.infra.risk.RiskOverride;
import io.oms.infra.risk.RiskOverrideRepository;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.DomainEvents;
import io.oms.workflows.domain.ErrorCode;
import io.oms.workflows.domain.OrderState;
import io.oms.workflows.risk.DenialReason;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates and revokes risk overrides: resolves the body against the tenant (its denied order, limit, account,
 * instrument; anything of another tenant is 404 like an unknown id), then stores the override, its audit record
 * and its {@code risk.override.created} event in one transaction.
 */
@ApiRole
@Service
public class RiskOverrideService {

    private final RiskOverrideRepository overrides;
    private final OrderRepository orders;
    private final RiskLimitRepository limits;
    private final RiskSnapshots snapshots;
    private final InstrumentRepository instruments;
    private final CommandAudit audit;
    private final OutboxRepository outbox;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public RiskOverrideService(RiskOverrideRepository overrides, OrderRepository orders, RiskLimitRepository limits,
                               RiskSnapshots snapshots, InstrumentRepository instruments, CommandAudit audit,
                               OutboxRepository outbox, TransactionTemplate tx, JsonMapper json) {
        this.overrides = overrides;
        this.orders = orders;
        this.limits = limits;
        this.snapshots = snapshots;
        this.instruments = instruments;
        this.audit = audit;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
    }

    public RiskOverrideResource create(ApiPrincipal caller, RiskOverrideBody body, HttpServletRequest http) {
        Draft draft = RiskOverrideValidation.validate(body);
        String tenant = caller.tenantId();
        OverrideTerms terms = switch (draft.kind()) {
            case LIMIT -> {
                RiskLimit limit = limits.find(tenant, draft.limitId()).orElseThrow(() -> ApiException.notFound("risk limit"));
                if (limit.type() == LimitType.DUPLICATE_WINDOW) {
                    throw new ApiException(ErrorCode.COMPLIANCE_BLOCKED, "a DUPLICATE_WINDOW limit backs a compliance "
                            + "rule and cannot be lifted", List.of(new FieldProblem("limitId", "is a DUPLICATE_WINDOW limit")),
                            "change or delete the limit (risk:manage) instead");
                }
                yield null;
            }
            case ORDER -> draft.orderId() != null ? fromDeniedOrder(tenant, draft.orderId()) : fromBody(tenant, draft.terms());
        };
        Instant now = now();
        if (overrides.countActive(tenant, now) >= RiskOverrideRepository.MAX_ACTIVE_PER_TENANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + RiskOverrideRepository.MAX_ACTIVE_PER_TENANT
                    + " active risk overrides already", List.of(), "revoke one or wait for some to expire");
        }
        RiskOverride created = RiskOverride.created(UuidV7.next(), tenant, terms, draft.orderId(), draft.limitId(),
                draft.reason(), caller.actor(), now, now.plusSeconds(draft.expiresInSeconds()));
        RiskOverrideResource resource = RiskOverrideResource.of(created, now);
        tx.executeWithoutResult(status -> {
            overrides.insert(created);
            audit.record(caller, http, "risk_override.create", DomainEvents.AGGREGATE_RISK_OVERRIDE,
                    created.id().toString(), resource);
            outbox.appendEvent(tenant, DomainEvents.AGGREGATE_RISK_OVERRIDE, created.id().toString(),
                    DomainEvents.RISK_OVERRIDE_CREATED, now, "override", json.writeValueAsString(resource));
        });
        return resource;
    }

    /** Revokes an active override; a revoked one answers as it is (idempotent); a used or expired one is 409. */
    public RiskOverrideResource revoke(ApiPrincipal caller, UUID id, HttpServletRequest http) {
        RiskOverride found = find(caller.tenantId(), id);
        Instant now = now();
        if (found.statusAt(now) == OverrideStatus.REVOKED) return RiskOverrideResource.of(found, now);
        RiskOverrideResource resource = tx.execute(status -> {
            if (!overrides.revoke(caller.tenantId(), id, caller.actor(), now)) return null;
            RiskOverrideResource revoked = RiskOverrideResource.of(find(caller.tenantId(), id), now);
            audit.record(caller, http, "risk_override.revoke", DomainEvents.AGGREGATE_RISK_OVERRIDE, id.toString(), revoked);
            return revoked;
        });
        if (resource != null) return resource;
        RiskOverride current = find(caller.tenantId(), id);
        if (current.statusAt(now) == OverrideStatus.REVOKED) return RiskOverrideResource.of(current, now);
        throw new ApiException(ErrorCode.STATE_CONFLICT, "the override is " + current.statusAt(now) + " and cannot be revoked",
                List.of(), "only an ACTIVE override can be revoked");
    }

    public RiskOverride find(String tenantId, UUID id) {
        return overrides.find(tenantId, id).orElseThrow(() -> ApiException.notFound("risk override"));
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The terms of a DENIED order of the tenant and the risk reasons its denial names. */
    private OverrideTerms fromDeniedOrder(String tenant, UUID orderId) {
        OrderRow order = orders.findById(tenant, orderId).orElseThrow(() -> ApiException.notFound("order"));
        if (!OrderState.DENIED.name().equals(order.state())) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "order " + orderId + " is " + order.state() + ", not DENIED",
                    List.of(), "an ORDER override is made for an order the risk checks denied");
        }
        List<DenialReason> reasons = reasonsOf(order.riskDenials());
        if (reasons.isEmpty()) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the order's denial names no risk reason: "
                    + order.rejectReason(), List.of(), "only risk-limit denials can be overridden");
        }
        RiskOverrideValidation.requireWaivable(reasons);
        return new OverrideTerms(order.account(), order.symbol(), order.side(), order.type(), order.quantity(),
                order.limitPrice(), reasons.stream().map(Enum::name).toList());
    }

    private OverrideTerms fromBody(String tenant, RiskOverrideValidation.Terms t) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!snapshots.ownsAccount(tenant, t.account())) {
            problems.add(new FieldProblem("account", "is not an account of the tenant"));
        }
        if (instruments.findBySymbol(t.symbol()).isEmpty()) problems.add(new FieldProblem("symbol", "is not a known instrument"));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        RiskOverrideValidation.requireWaivable(t.reasons());
        return new OverrideTerms(t.account(), t.symbol(), t.side().name(), t.type().name(), t.qty(), t.limitPrice(),
                t.reasons().stream().map(Enum::name).toList());
    }

    /** The reasons of a DENIED order's risk denials ({@code orders.risk_denials}), in the engine's order. */
    static List<DenialReason> reasonsOf(String riskDenials) {
        List<String> names = StoredDenial.fromJson(riskDenials).stream().map(StoredDenial::reason).toList();
        return Arrays.stream(DenialReason.values()).filter(r -> names.contains(r.name())).toList();
    }
}
