package io.oms.api.positions;

import io.oms.infra.config.ApiRole;
import io.oms.api.Decimals;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.persistence.PnlRepository;
import io.oms.infra.persistence.ValuedPosition;
import io.oms.infra.security.ApiPrincipal;
import java.time.Instant;
import io.oms.api.listing.ListQuery;
import io.oms.api.listing.Listing;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

@ApiRole
@RestController
public class PositionController {
    private final PnlRepository pnl;

    public PositionController(PnlRepository pnl) {
        this.pnl = pnl;
    }

    /** The caller's positions, optionally for one account, valued at the last price; decimal strings. */
    /**
     * Not paged: the answer is one consistent snapshot of a set bounded by accounts x symbols, which pages read
     * at different moments would not be.
     */
    @GetMapping("/api/v1/positions")
    @Listing(resource = "positions", filters = {"account", "symbol"}, paged = false)
    List<PositionResource> list(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal, ListQuery query) {
        Optional<String> symbol = query.filter("symbol").map(s -> s.toUpperCase(Locale.ROOT));
        return pnl.valuedPositions(principal.tenantId(), query.filter("account")).stream()
                .filter(v -> symbol.isEmpty() || symbol.get().equals(v.position().symbol()))
                .map(PositionResource::of).toList();
    }

    public record PositionResource(String account, String symbol, String qty, String avgCost, String realizedPnl,
                                   String unrealizedPnl, String lastPrice, Instant lastPriceAt, String marketValue,
                                   String commissions, Instant updatedAt) {
        static PositionResource of(ValuedPosition v) {
            var p = v.position();
            return new PositionResource(p.account(), p.symbol(), Decimals.text(p.quantity()), Decimals.text(p.avgCost()),
                    Decimals.text(p.realizedPnl()), Decimals.text(v.unrealizedPnl()), Decimals.text(v.lastPrice()),
                    v.priceAt(), Decimals.text(v.marketValue()), Decimals.text(p.commissions()), p.updatedAt());
        }
    }
}
