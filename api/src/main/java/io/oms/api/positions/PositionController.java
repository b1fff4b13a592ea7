package io.oms.api.positions;

import io.oms.infra.config.ApiRole;
import io.oms.api.Decimals;
import io.oms.api.security.ApiKeyAuthentication;
import io.oms.infra.persistence.PositionRepository;
import io.oms.infra.persistence.PositionRow;
import io.oms.infra.security.ApiPrincipal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ApiRole
@RestController
public class PositionController {
    private final PositionRepository positions;

    public PositionController(PositionRepository positions) {
        this.positions = positions;
    }

    /** The caller's positions, optionally for one account; quantities and money as decimal strings. */
    @GetMapping("/api/v1/positions")
    List<PositionResource> list(@RequestAttribute(ApiKeyAuthentication.PRINCIPAL) ApiPrincipal principal,
                                @RequestParam Optional<String> account) {
        return positions.list(principal.tenantId(), account).stream().map(PositionResource::of).toList();
    }

    public record PositionResource(String account, String symbol, String qty, String avgCost, String realizedPnl,
                                   String commissions, Instant updatedAt) {
        static PositionResource of(PositionRow p) {
            return new PositionResource(p.account(), p.symbol(), Decimals.text(p.quantity()), Decimals.text(p.avgCost()),
                    Decimals.text(p.realizedPnl()), Decimals.text(p.commissions()), p.updatedAt());
        }
    }
}
