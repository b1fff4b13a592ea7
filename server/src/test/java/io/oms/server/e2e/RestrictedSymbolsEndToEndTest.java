package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.risk.RiskEngine;
import io.oms.activities.risk.RiskVerdict;
import io.oms.infra.identity.Role;
import io.oms.infra.risk.RiskSnapshots;
import io.oms.infra.security.ApiKeys;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Restricted symbols through the API: restrict (idempotent), list, lift; validation; audit; scope; tenancy; and the
 * risk engine's snapshot seeing the restriction (the engine is not in the order path yet, so it is asked directly).
 */
class RestrictedSymbolsEndToEndTest extends EndToEndTest {
    private static final String PATH = "/api/v1/risk/restricted-symbols/";

    @Autowired
    private ApiKeys apiKeys;

    @Autowired
    private RiskSnapshots snapshots;

    private static List<String> symbols(ApiClient.Response list) {
        List<String> found = new ArrayList<>();
        for (JsonNode item : list.body().get("items")) found.add(item.get("symbol").asString());
        return found;
    }

    @Test
    void restrictsListsReRestrictsIdempotentlyAndLiftsAuditingEachChange() {
        OwnTenant own = ownTenant("rs", "Restricted symbols");
        ApiClient.Response created = own.api().put(PATH + "msft", "{\"reason\":\"insider list\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("symbol")).isEqualTo("MSFT");
        assertThat(created.text("reason")).isEqualTo("insider list");
        assertThat(created.text("createdBy")).startsWith("api-key:");
        assertThat(created.text("createdAt")).isNotBlank();

        ApiClient.Response again = own.api().put(PATH + "MSFT", "{\"reason\":\"insider list\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("createdAt")).isEqualTo(created.text("createdAt"));
        assertThat(again.text("updatedAt")).isEqualTo(created.text("updatedAt"));

        ApiClient.Response changed = own.api().put(PATH + "MSFT", "{\"reason\":\"watch list\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("reason")).isEqualTo("watch list");
        assertThat(changed.text("createdAt")).isEqualTo(created.text("createdAt"));

        assertThat(own.api().put(PATH + "AAPL", "{\"reason\":\"pending deal\"}").status()).isEqualTo(201);
        ApiClient.Response list = own.api().get("/api/v1/risk/restricted-symbols");
        assertThat(list.status()).isEqualTo(200);
        assertThat(symbols(list)).containsExactly("AAPL", "MSFT");
        assertThat(list.body().get("items").get(1).get("reason").asString()).isEqualTo("watch list");
        assertThat(own.api().get("/api/v1/risk/status?account=" + own.account()).body().get("restrictedSymbols")
                .toString()).isEqualTo("[\"AAPL\",\"MSFT\"]");

        assertThat(own.api().delete(PATH + "MSFT").status()).isEqualTo(204);
        assertThat(own.api().delete(PATH + "MSFT").status()).isEqualTo(404);
        assertThat(symbols(own.api().get("/api/v1/risk/restricted-symbols"))).containsExactly("AAPL");

        JsonNode audit = own.api().get("/api/v1/audit?resourceType=restricted_symbol&resourceId=MSFT").body().get("items");
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : audit) actions.add(entry.get("action").asString());
        // The unchanged re-add is not a change, so it is not audited.
        assertThat(actions).containsExactlyInAnyOrder("restricted_symbol.add", "restricted_symbol.add",
                "restricted_symbol.remove");
    }

    @Test
    void refusesAnUnknownSymbolOrAMissingReasonAndStoresNothing() {
        OwnTenant own = ownTenant("rsv", "Restricted validation");
        ApiClient.Response unknown = own.api().put(PATH + "NOSUCHSYM", "{\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(unknown.body().get("details").get(0).get("field").asString()).isEqualTo("symbol");
        ApiClient.Response noReason = own.api().put(PATH + "IBM", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("details").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(own.api().put(PATH + "IBM", "{\"reason\":\"" + "x".repeat(501) + "\"}").status()).isEqualTo(400);
        assertThat(own.api().put(PATH + "IBM", "not json").status()).isEqualTo(400);
        assertThat(own.api().get("/api/v1/risk/restricted-symbols").body().get("items")).isEmpty();
    }

    @Test
    void liftingARestrictionTheTenantDoesNotHaveAnswersNotFound() {
        OwnTenant own = ownTenant("rsn", "Restricted none");
        ApiClient.Response answer = own.api().delete(PATH + "IBM");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("code")).isEqualTo("NOT_FOUND");
        assertThat(own.api().delete(PATH + "NOSUCHSYM").status()).isEqualTo(404);
    }

    @Test
    void aKeyWithoutRiskManageIsRefusedAndChangesNothing() {
        OwnTenant own = ownTenant("rst", "Restricted trader");
        ApiClient trader = api.withKey(apiKeys.create(own.id(), "trader", List.copyOf(Role.TRADER.scopes())));
        ApiClient.Response refused = trader.put(PATH + "IBM", "{\"reason\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("risk:manage");
        assertThat(trader.get("/api/v1/risk/restricted-symbols").status()).isEqualTo(403);
        assertThat(own.api().put(PATH + "IBM", "{\"reason\":\"x\"}").status()).isEqualTo(201);
        assertThat(trader.delete(PATH + "IBM").status()).isEqualTo(403);
        assertThat(symbols(own.api().get("/api/v1/risk/restricted-symbols"))).containsExactly("IBM");
    }

    /** Restricting a symbol another tenant restricted makes the caller's own row; the other's stays as it was. */
    @Test
    void tenantsNeverSeeOrChangeEachOthersRestrictions() {
        OwnTenant owner = ownTenant("rso", "Restricted owner");
        OwnTenant other = ownTenant("rsx", "Restricted other");
        assertThat(owner.api().put(PATH + "META", "{\"reason\":\"owner's reason\"}").status()).isEqualTo(201);

        assertThat(other.api().get("/api/v1/risk/restricted-symbols").body().get("items")).isEmpty();
        assertThat(other.api().get("/api/v1/risk/status?account=" + other.account()).body().get("restrictedSymbols"))
                .isEmpty();
        ApiClient.Response lift = other.api().delete(PATH + "META");
        assertThat(lift.status()).isEqualTo(404);
        assertThat(lift.text("code")).isEqualTo("NOT_FOUND");
        ApiClient.Response own = other.api().put(PATH + "META", "{\"reason\":\"other's reason\"}");
        assertThat(own.status()).as("the other tenant's own restriction, created").isEqualTo(201);
        assertThat(own.body().toString()).doesNotContain("owner's reason");
        assertThat(other.api().delete(PATH + "META").status()).isEqualTo(204);

        ApiClient.Response owners = owner.api().get("/api/v1/risk/restricted-symbols");
        assertThat(symbols(owners)).containsExactly("META");
        assertThat(owners.body().get("items").get(0).get("reason").asString()).isEqualTo("owner's reason");
        assertThat(other.api().get("/api/v1/audit?resourceType=restricted_symbol&resourceId=META").body().toString())
                .doesNotContain("owner's reason");
    }

    @Test
    void theRiskEngineDeniesAnOrderInARestrictedSymbolUntilItIsLifted() {
        OwnTenant own = ownTenant("rse", "Restricted engine");
        OrderIntent buy = new OrderIntent(own.id(), "rse-1", own.account(), "GOOGL", Side.BUY, OrderType.LMT,
                TimeInForce.DAY, new BigDecimal("1"), new BigDecimal("10"), null, false, null, null);
        assertThat(restrictedDenials(buy)).isEmpty();

        own.api().put(PATH + "GOOGL", "{\"reason\":\"research blackout\"}");
        List<RiskDenial> denied = restrictedDenials(buy);
        assertThat(denied).hasSize(1);
        assertThat(denied.get(0).message()).contains("GOOGL", "research blackout");
        OrderIntent other = new OrderIntent(own.id(), "rse-2", own.account(), "AAPL", Side.BUY, OrderType.LMT,
                TimeInForce.DAY, new BigDecimal("1"), new BigDecimal("10"), null, false, null, null);
        assertThat(restrictedDenials(other)).as("only the restricted symbol").isEmpty();

        own.api().delete(PATH + "GOOGL");
        assertThat(restrictedDenials(buy)).isEmpty();
    }

    private List<RiskDenial> restrictedDenials(OrderIntent order) {
        RiskVerdict verdict = RiskEngine.standard().evaluate(order,
                snapshots.load(order.tenantId(), order.account(), order.symbol()));
        return verdict.denials().stream().filter(d -> d.reason() == DenialReason.RESTRICTED_SYMBOL).toList();
    }
}
