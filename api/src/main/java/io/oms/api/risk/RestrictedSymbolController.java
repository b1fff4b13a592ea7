package io.oms.api.risk;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.risk.RestrictedSymbolRepository;
import io.oms.infra.risk.RestrictedSymbolRepository.Outcome;
import io.oms.infra.risk.RestrictedSymbolRepository.Upserted;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The tenant's restricted symbols ({@code risk:manage}), read by the RESTRICTED_SYMBOL rule: list, restrict
 * (idempotent upsert by symbol), lift. Each change is audited. A tenant only ever sees and changes its own rows:
 * restricting a symbol another tenant restricted creates the caller's own restriction and leaves theirs alone.
 */
@ApiRole
@RestController
@RequestMapping("/api/v1/risk/restricted-symbols")
public class RestrictedSymbolController {
    static final int MAX_REASON = 500;
    static final int MAX_SYMBOL = 32;

    private final RestrictedSymbolRepository restricted;
    private final InstrumentRepository instruments;
    private final CommandAudit audit;
    private final Clock clock = Clock.systemUTC();

    public RestrictedSymbolController(RestrictedSymbolRepository restricted, InstrumentRepository instruments,
                                      CommandAudit audit) {
        this.restricted = restricted;
        this.instruments = instruments;
        this.audit = audit;
    }

    /** Every restricted symbol of the tenant, by symbol (at most {@value RestrictedSymbolRepository#MAX_PER_TENANT}). */
    @GetMapping
    Page<RestrictedSymbolResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return new Page<>(restricted.list(caller.tenantId()).stream().map(RestrictedSymbolResource::of).toList(), null);
    }

    /**
     * 201 when the symbol becomes restricted, 200 when it already was (the reason is replaced; the same reason
     * changes nothing and is not audited again); 400 for a missing reason or a symbol that is not a known instrument.
     */
    @PutMapping("/{symbol}")
    ResponseEntity<RestrictedSymbolResource> restrict(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                                                      @PathVariable String symbol,
                                                      @RequestBody(required = false) RestrictedSymbolBody body,
                                                      HttpServletRequest http) {
        String normalized = normalize(symbol);
        List<FieldProblem> problems = new ArrayList<>();
        if (normalized.isEmpty() || normalized.length() > MAX_SYMBOL || instruments.findBySymbol(normalized).isEmpty()) {
            problems.add(new FieldProblem("symbol", "is not a known instrument"));
        }
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty()) problems.add(new FieldProblem("reason", "is required"));
        else if (reason.length() > MAX_REASON) problems.add(new FieldProblem("reason", "is longer than " + MAX_REASON));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        if (restricted.find(caller.tenantId(), normalized).isEmpty()
                && restricted.count(caller.tenantId()) >= RestrictedSymbolRepository.MAX_PER_TENANT) {
            throw new ApiException(ErrorCode.STATE_CONFLICT, "the tenant has " + RestrictedSymbolRepository.MAX_PER_TENANT
                    + " restricted symbols already", List.of(), "lift a restriction first");
        }
        Upserted done = restricted.upsert(caller.tenantId(), normalized, reason, caller.actor(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        RestrictedSymbolResource resource = RestrictedSymbolResource.of(done.row());
        if (done.outcome() != Outcome.UNCHANGED) {
            audit.record(caller, http, "restricted_symbol.add", "restricted_symbol", normalized, resource);
        }
        return ResponseEntity.status(done.outcome() == Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(resource);
    }

    /** 204; 404 when the tenant has not restricted the symbol (also once lifted). */
    @DeleteMapping("/{symbol}")
    ResponseEntity<Void> lift(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String symbol, HttpServletRequest http) {
        String normalized = normalize(symbol);
        RestrictedSymbolResource removed = restricted.delete(caller.tenantId(), normalized)
                .map(RestrictedSymbolResource::of)
                .orElseThrow(() -> ApiException.notFound("restricted symbol"));
        audit.record(caller, http, "restricted_symbol.remove", "restricted_symbol", normalized, removed);
        return ResponseEntity.noContent().build();
    }

    /** Symbols are stored as the instrument master spells them: upper case. */
    private static String normalize(String symbol) {
        return symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
    }
}
