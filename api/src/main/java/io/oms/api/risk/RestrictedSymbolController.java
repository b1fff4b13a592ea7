package io.oms.api.risk;

import io.oms.api.error.FieldProblem;
import io.oms.api.orders.Page;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.persistence.InstrumentRepository;
import io.oms.infra.risk.RestrictionList;
import io.oms.infra.risk.RestrictionRepository;
import io.oms.infra.security.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
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
    static final int MAX_SYMBOL = 32;
    private static final RestrictionCommands.Kind<RestrictedSymbolResource> KIND =
            new RestrictionCommands.Kind<>(RestrictionList.SYMBOLS, "restricted_symbol", RestrictedSymbolResource::of);

    private final RestrictionCommands commands;
    private final InstrumentRepository instruments;

    public RestrictedSymbolController(RestrictionCommands commands, InstrumentRepository instruments) {
        this.commands = commands;
        this.instruments = instruments;
    }

    /** Every restricted symbol of the tenant, by symbol (at most {@value RestrictionRepository#MAX_PER_TENANT}). */
    @GetMapping
    Page<RestrictedSymbolResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller) {
        return commands.list(caller, KIND);
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
        boolean known = !normalized.isEmpty() && normalized.length() <= MAX_SYMBOL
                && instruments.findBySymbol(normalized).isPresent();
        List<FieldProblem> problems = known ? List.of() : List.of(new FieldProblem("symbol", "is not a known instrument"));
        return commands.restrict(caller, http, KIND, normalized, problems, body == null ? null : body.reason());
    }

    /** 204; 404 when the tenant has not restricted the symbol (also once lifted). */
    @DeleteMapping("/{symbol}")
    ResponseEntity<Void> lift(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal caller,
                              @PathVariable String symbol, HttpServletRequest http) {
        return commands.lift(caller, http, KIND, normalize(symbol));
    }

    /** Symbols are stored as the instrument master spells them: upper case. */
    private static String normalize(String symbol) {
        return symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
    }
}
