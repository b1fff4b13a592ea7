package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.activities.risk.RiskChecks;
import io.oms.infra.identity.Role;
import io.oms.infra.security.ApiKeys;
import io.oms.workflows.domain.OrderType;
import io.oms.workflows.domain.Side;
import io.oms.workflows.domain.TimeInForce;
import io.oms.workflows.risk.DenialReason;
import io.oms.workflows.risk.OrderIntent;
import io.oms.workflows.risk.RiskCheckKind;
import io.oms.workflows.risk.RiskCheckRequest;
import io.oms.workflows.risk.RiskDenial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Restricted accounts through the API: restrict (idempotent), list, lift; only the tenant's own accounts;
 * validation; audit; scope; tenancy; and the risk checks denying the account's orders while it is restricted.
 */
class RestrictedAccountsEndToEndTest extends EndToEndTest {
    private static final String PATH = "/api/v1/risk/restricted-accounts/";

    @Autowired
    private ApiKeys apiKeys;

    @Autowired
    private RiskChecks checks;

    private static List<String> accounts(ApiClient.Response list) {
        List<String> found = new ArrayList<>();
        for (JsonNode item : list.body().get("items")) found.add(item.get("account").asString());
        return found;
    }

    @Test
    void restrictsListsReRestrictsIdempotentlyAndLiftsAuditingEachChange() {
        OwnTenant own = ownTenant("ra", "Restricted accounts");
        String path = PATH + own.account();
        ApiClient.Response created = own.api().put(path, "{\"reason\":\"margin call\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("account")).isEqualTo(own.account());
        assertThat(created.text("reason")).isEqualTo("margin call");
        assertThat(created.text("createdBy")).startsWith("api-key:");

        ApiClient.Response again = own.api().put(path, "{\"reason\":\"margin call\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("updatedAt")).isEqualTo(created.text("updatedAt"));
        ApiClient.Response changed = own.api().put(path, "{\"reason\":\"compliance review\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("reason")).isEqualTo("compliance review");
        assertThat(changed.text("createdAt")).isEqualTo(created.text("createdAt"));

        assertThat(accounts(own.api().get("/api/v1/risk/restricted-accounts"))).containsExactly(own.account());
        assertThat(own.api().get("/api/v1/risk/status?account=" + own.account()).text("accountRestriction"))
                .isEqualTo("compliance review");

        assertThat(own.api().delete(path).status()).isEqualTo(204);
        assertThat(own.api().delete(path).status()).isEqualTo(404);
        assertThat(own.api().get("/api/v1/risk/restricted-accounts").body().get("items")).isEmpty();
        assertThat(own.api().get("/api/v1/risk/status?account=" + own.account()).text("accountRestriction")).isNull();

        JsonNode audit = own.api().get("/api/v1/audit?resourceType=restricted_account&resourceId=" + own.account())
                .body().get("items");
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : audit) actions.add(entry.get("action").asString());
        assertThat(actions).containsExactlyInAnyOrder("restricted_account.add", "restricted_account.add",
                "restricted_account.remove");
    }

    @Test
    void refusesAnAccountThatIsNotTheTenantsOrAMissingReasonAndStoresNothing() {
        OwnTenant own = ownTenant("rav", "Restricted account validation");
        ApiClient.Response unknown = own.api().put(PATH + "NOSUCHACCT", "{\"reason\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(unknown.body().get("details").get(0).get("field").asString()).isEqualTo("account");
        ApiClient.Response demos = own.api().put(PATH + ACCOUNT, "{\"reason\":\"x\"}");
        assertThat(demos.status()).as("another tenant's account").isEqualTo(400);
        ApiClient.Response noReason = own.api().put(PATH + own.account(), "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("details").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(own.api().put(PATH + own.account(), "{\"reason\":\"" + "x".repeat(501) + "\"}").status()).isEqualTo(400);
        assertThat(own.api().put(PATH + own.account(), "not json").status()).isEqualTo(400);
        assertThat(own.api().get("/api/v1/risk/restricted-accounts").body().get("items")).isEmpty();
        assertThat(own.api().delete(PATH + own.account()).text("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void aKeyWithoutRiskManageIsRefusedAndChangesNothing() {
        OwnTenant own = ownTenant("rat", "Restricted account trader");
        ApiClient trader = api.withKey(apiKeys.create(own.id(), "trader", List.copyOf(Role.TRADER.scopes())));
        ApiClient.Response refused = trader.put(PATH + own.account(), "{\"reason\":\"x\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("hint")).contains("risk:manage");
        assertThat(trader.get("/api/v1/risk/restricted-accounts").status()).isEqualTo(403);
        assertThat(own.api().put(PATH + own.account(), "{\"reason\":\"x\"}").status()).isEqualTo(201);
        assertThat(trader.delete(PATH + own.account()).status()).isEqualTo(403);
        assertThat(accounts(own.api().get("/api/v1/risk/restricted-accounts"))).containsExactly(own.account());
    }

    @Test
    void theRiskChecksDenyEveryOrderOfARestrictedAccountUntilItIsLifted() {
        OwnTenant own = ownTenant("rae", "Restricted account engine");
        OwnTenant other = ownTenant("rao", "Restricted account other");
        OrderIntent buy = order(own, "rae-1", Side.BUY);
        assertThat(restrictedDenials(buy)).isEmpty();

        own.api().put(PATH + own.account(), "{\"reason\":\"frozen by compliance\"}");
        List<RiskDenial> denied = restrictedDenials(buy);
        assertThat(denied).singleElement().satisfies(d -> assertThat(d.message()).contains(own.account(), "frozen by compliance"));
        assertThat(restrictedDenials(order(own, "rae-2", Side.SELL))).as("reducing orders too").hasSize(1);
        assertThat(restrictedDenials(order(other, "rao-1", Side.BUY))).as("only the restricted account").isEmpty();

        own.api().delete(PATH + own.account());
        assertThat(restrictedDenials(buy)).isEmpty();
    }

    private static OrderIntent order(OwnTenant tenant, String clientOrderId, Side side) {
        return new OrderIntent(tenant.id(), clientOrderId, tenant.account(), "AAPL", side, OrderType.LMT, TimeInForce.DAY,
                new BigDecimal("1"), new BigDecimal("10"), null, false, null, null);
    }

    private List<RiskDenial> restrictedDenials(OrderIntent order) {
        return checks.check(new RiskCheckRequest(order, RiskCheckKind.NEW_ORDER)).denials().stream()
                .filter(d -> d.reason() == DenialReason.RESTRICTED_ACCOUNT).toList();
    }
}
