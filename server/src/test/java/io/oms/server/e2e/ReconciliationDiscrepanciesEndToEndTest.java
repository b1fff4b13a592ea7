package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Position discrepancies through the API: listed with filters and pages, and acknowledged by an operator with a
 * note (only an OPEN one, once; audited). The quantities are never changed by the API.
 */
class ReconciliationDiscrepanciesEndToEndTest extends EndToEndTest {
    private static final String DISCREPANCIES = "/api/v1/reconciliation/discrepancies";

    @Autowired
    private JdbcClient jdbc;

    private OwnTenant own;
    private ReconciliationRows rows;
    private UUID run;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(3600);

    @BeforeEach
    void ownTenantWithARun() {
        own = ownTenant("dis", "Discrepancy tenant");
        rows = new ReconciliationRows(jdbc);
        run = rows.run(own.id(), own.account(), "SCHEDULE", "POSITIONS", "SUCCEEDED", t0);
    }

    @Test
    void discrepanciesAreListedNewestFirstAndFilteredByStatusAccountAndSymbol() {
        UUID open = rows.discrepancy(own.id(), own.account(), "AAPL", "OPEN", run, t0);
        UUID acknowledged = rows.discrepancy(own.id(), own.account(), "MSFT", "ACKNOWLEDGED", run, t0.plusSeconds(1));
        UUID resolved = rows.discrepancy(own.id(), own.account(), "IBM", "RESOLVED", run, t0.plusSeconds(2));

        JsonNode first = own.api().get(DISCREPANCIES + "?limit=2").body();
        assertThat(first.get("items").findValuesAsString("symbol")).containsExactly("IBM", "MSFT");
        JsonNode second = own.api().get(DISCREPANCIES + "?limit=2&cursor=" + first.path("next").asString()).body();
        assertThat(second.get("items").findValuesAsString("symbol")).containsExactly("AAPL");
        assertThat(second.has("next")).isFalse();

        assertThat(ids("?status=open")).containsExactly(open.toString());
        assertThat(ids("?symbol=msft")).containsExactly(acknowledged.toString());
        assertThat(ids("?account=" + own.account() + "&status=RESOLVED")).containsExactly(resolved.toString());
        assertThat(ids("?account=" + ACCOUNT)).as("another tenant's account shows nothing").isEmpty();
        JsonNode shown = own.api().get(DISCREPANCIES + "?status=OPEN").body().get("items").get(0);
        assertThat(shown.path("omsQty").asString()).isEqualTo("100");
        assertThat(shown.path("brokerQty").asString()).isEqualTo("150.5");
        assertThat(shown.path("firstRunId").asString()).isEqualTo(run.toString());
        assertThat(own.api().get(DISCREPANCIES + "?status=GONE").status()).isEqualTo(400);
    }

    @Test
    void anOpenDiscrepancyIsAcknowledgedOnceWithTheCallerAndTheNote() {
        UUID id = rows.discrepancy(own.id(), own.account(), "AAPL", "OPEN", run, t0);
        String path = DISCREPANCIES + "/" + id + "/acknowledge";

        ApiClient.Response acknowledged = own.api().post(path, "{\"note\":\"  shares moved in by a manual transfer  \"}");
        assertThat(acknowledged.status()).as(acknowledged.body().toString()).isEqualTo(200);
        assertThat(acknowledged.text("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.text("note")).isEqualTo("shares moved in by a manual transfer");
        assertThat(acknowledged.text("acknowledgedBy")).startsWith("api-key:");
        assertThat(Instant.parse(acknowledged.text("updatedAt"))).isAfter(t0);
        assertThat(acknowledged.text("brokerQty")).as("the quantities are untouched").isEqualTo("150.5");

        ApiClient.Response again = own.api().post(path, "{\"note\":\"once more\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("STATE_CONFLICT");
        assertThat(own.api().get(DISCREPANCIES + "?status=ACKNOWLEDGED").body().get("items").get(0).path("note").asString())
                .isEqualTo("shares moved in by a manual transfer");
        JsonNode audited = own.api().get("/api/v1/audit?action=reconciliation.discrepancy.acknowledge").body().get("items");
        assertThat(audited).hasSize(1);
        assertThat(audited.get(0).path("resourceId").asString()).isEqualTo(id.toString());
    }

    @Test
    void aResolvedDiscrepancyCannotBeAcknowledged() {
        UUID id = rows.discrepancy(own.id(), own.account(), "AAPL", "RESOLVED", run, t0);
        ApiClient.Response refused = own.api().post(DISCREPANCIES + "/" + id + "/acknowledge", "{\"note\":\"fine\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("message")).contains("RESOLVED");
    }

    @Test
    void anAcknowledgementNeedsANoteOfBoundedLength() {
        UUID id = rows.discrepancy(own.id(), own.account(), "AAPL", "OPEN", run, t0);
        String path = DISCREPANCIES + "/" + id + "/acknowledge";
        for (String body : new String[] {"{}", "{\"note\":\"   \"}", "{\"note\":\"" + "x".repeat(1001) + "\"}"}) {
            ApiClient.Response refused = own.api().post(path, body);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("details").get(0).path("field").asString()).isEqualTo("note");
        }
        assertThat(ids("?status=OPEN")).as("still OPEN").containsExactly(id.toString());
    }

    @Test
    void anotherTenantsDiscrepancyIsNotFoundAndStaysOpen() {
        UUID demoRun = rows.run("demo", ACCOUNT, "SCHEDULE", "POSITIONS", "SUCCEEDED", t0);
        UUID victims = rows.discrepancy("demo", ACCOUNT, uniqueId("SYM"), "OPEN", demoRun, t0);
        ApiClient.Response answer = own.api().post(DISCREPANCIES + "/" + victims + "/acknowledge", "{\"note\":\"mine now\"}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(api.get(DISCREPANCIES + "?status=OPEN&limit=500").body().toString()).contains(victims.toString());
    }

    private java.util.List<String> ids(String query) {
        ApiClient.Response answer = own.api().get(DISCREPANCIES + query);
        assertThat(answer.status()).as(query + " " + answer.body()).isEqualTo(200);
        return answer.body().get("items").findValuesAsString("id");
    }
}
