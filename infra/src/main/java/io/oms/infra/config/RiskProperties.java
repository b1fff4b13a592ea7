package io.oms.infra.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Process-wide switches of the pre-trade checks that are not limits (limits live per tenant in the database).
 *
 * @param marketHours ENFORCE: orders outside their exchange's session are denied MARKET_CLOSED (`oms dev` turns it
 *                    OFF unless OMS_RISK_MARKET_HOURS says otherwise: its simulator trades around the clock)
 * @param washTrade   ENFORCE: an order that could trade against the same account's opposite working order is
 *                    denied WASH_TRADE
 */
@Validated
@ConfigurationProperties("oms.risk")
public record RiskProperties(@NotNull Enforcement marketHours, @NotNull Enforcement washTrade) {

    public enum Enforcement {
        ENFORCE,
        OFF
    }

    public boolean enforces(Enforcement setting) {
        return setting == Enforcement.ENFORCE;
    }
}
