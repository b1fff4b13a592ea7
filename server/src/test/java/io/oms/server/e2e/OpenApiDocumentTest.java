package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document is served publicly, generated from the code, with the bearer scheme and the error
 * envelope; and the committed copy {@code docs/openapi.json} is the live document (schema-drift guard). After a
 * deliberate API change, regenerate the copy with {@link #REGENERATE} and commit it.
 */
class OpenApiDocumentTest extends EndToEndTest {
    static final String REGENERATE = "./oms openapi   (= ./oms test -pl server -am -q -Dtest=OpenApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Doms.openapi.write=true)";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void committedDocumentIsTheLiveOne() throws IOException {
        String live = normalized(liveDocument());
        Path committed = repositoryRoot().resolve("docs/openapi.json");
        if (Boolean.getBoolean("oms.openapi.write")) {
            Files.writeString(committed, live, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(committed)) {
            fail("docs/openapi.json is missing; generate it with: " + REGENERATE);
        }
        String stored = Files.readString(committed, StandardCharsets.UTF_8);
        if (!stored.equals(live)) {
            fail("docs/openapi.json differs from the document the code generates (" + firstDifference(stored, live)
                    + "). If the API change is deliberate, regenerate and commit it: " + REGENERATE);
        }
    }

    @Test
    void documentIsPublicAndDescribesBearerAuthAndTheErrorEnvelope() {
        JsonNode doc = liveDocument();
        assertThat(doc.path("openapi").asString()).startsWith("3.");
        JsonNode bearer = doc.path("components").path("securitySchemes").path("bearer");
        assertThat(bearer.path("type").asString()).isEqualTo("http");
        assertThat(bearer.path("scheme").asString()).isEqualTo("bearer");
        assertThat(doc.path("components").path("schemas").path("ErrorEnvelope").path("properties").has("trace_id")).isTrue();

        JsonNode list = doc.path("paths").path("/api/v1/orders").path("get");
        assertThat(list.path("x-required-scope").asString()).isEqualTo("orders:view");
        assertThat(list.path("responses").path("404").path("content").path("application/json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/ErrorEnvelope");
        List<String> parameters = list.path("parameters").findValuesAsString("name");
        assertThat(parameters).contains("state", "symbol", "created_after", "sort", "limit", "cursor", "fields")
                .doesNotContain("principal", "query");
        assertThat(doc.path("paths").has("/error")).isFalse();
    }

    @Test
    void interactiveUiIsServedWithoutCredentials() throws Exception {
        HttpResponse<String> ui = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/swagger-ui/index.html")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(api.withKey(null).get("/v3/api-docs/swagger-config").status()).isEqualTo(200);
    }

    private JsonNode liveDocument() {
        ApiClient.Response doc = api.withKey(null).get("/v3/api-docs");
        assertThat(doc.status()).as(String.valueOf(doc.body())).isEqualTo(200);
        return doc.body();
    }

    /** Keys sorted at every level, string arrays sorted, the run-specific server list dropped; pretty, one newline. */
    static String normalized(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(copy)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.propertyNames());
            names.sort(String::compareTo);
            ObjectNode out = JSON.createObjectNode();
            names.forEach(name -> out.set(name, sorted(object.get(name))));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = JSON.createArrayNode();
            List<JsonNode> items = new ArrayList<>();
            array.forEach(item -> items.add(sorted(item)));
            if (items.stream().allMatch(JsonNode::isString)) items.sort((a, b) -> a.asString().compareTo(b.asString()));
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    private static String firstDifference(String stored, String live) {
        String[] a = stored.split("\n", -1);
        String[] b = live.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) return "first at line " + (i + 1) + ": committed '" + a[i].trim() + "', live '" + b[i].trim() + "'";
        }
        return "the committed copy has " + a.length + " lines, the live document " + b.length;
    }

    /** The directory holding docs/ (tests run in the module directory). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("oms"))) return dir;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
