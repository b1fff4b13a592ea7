package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.persistence.TenantRepository;
import io.oms.infra.security.ApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of failure, Spring's own included, answers the error envelope through the real application: the
 * status, a code of {@code ErrorCode}, and the {@code trace_id} of the body equal to the {@code X-Trace-Id}
 * header, which every answer (successes too) carries.
 */
class ErrorEnvelopeContractTest extends EndToEndTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ApiKeys apiKeys;
    @Autowired
    TenantRepository tenants;

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    @Test
    void unknownApiPathIsNotFound() throws Exception {
        envelope(send("GET", "/api/v1/nothing-here", KEY, null, null), 404, "NOT_FOUND");
    }

    @Test
    void unknownPathOutsideTheApiIsNotFound() throws Exception {
        envelope(send("GET", "/no/such/page", null, null, null), 404, "NOT_FOUND");
        envelope(send("GET", "/no/such/page", null, null, null, "Accept", "text/html"), 404, "NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowedWithAllow() throws Exception {
        Answer answer = envelope(send("DELETE", "/api/v1/orders", KEY, null, null), 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void acceptWithoutJsonIsNotAcceptableYetAnsweredInJson() throws Exception {
        Answer answer = envelope(send("GET", "/api/v1/orders", KEY, null, null, "Accept", "text/csv"), 406, "NOT_ACCEPTABLE");
        assertThat(answer.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void bodyOfAnotherContentTypeIsUnsupportedMediaType() throws Exception {
        envelope(send("POST", "/api/v1/orders", KEY, "text/plain", "hello"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIsAValidationError() throws Exception {
        envelope(send("POST", "/api/v1/orders", KEY, "application/json", "{\"account\":"), 400, "VALIDATION_ERROR");
    }

    @Test
    void parameterOfTheWrongFormIsAValidationErrorNamingIt() throws Exception {
        Answer answer = envelope(send("GET", "/api/v1/orders?limit=many", KEY, null, null), 400, "VALIDATION_ERROR");
        assertThat(answer.body().get("details").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void missingCredentialIsUnauthenticatedWithTheSameTraceIdInHeaderAndBody() throws Exception {
        Answer answer = envelope(send("GET", "/api/v1/orders", null, null, null), 401, "UNAUTHENTICATED");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void credentialWithoutTheScopeIsForbidden() throws Exception {
        tenants.ensure("errenv", "Error envelope tenant");
        String viewer = apiKeys.create("errenv", "e2e-viewer", List.of("orders:view"));
        envelope(send("POST", "/api/v1/orders", viewer, "application/json", "{}"), 403, "FORBIDDEN");
    }

    @Test
    void requestRejectedByTheFirewallFilterIsAnEnvelopeToo() throws Exception {
        // Spring Security's firewall refuses a path with a ';' before any controller: a filter's sendError, which
        // reaches the container's error dispatch (/error) rather than the MVC error handler.
        envelope(send("GET", "/api/v1/orders;x=y", KEY, null, null), 400, "VALIDATION_ERROR");
    }

    @Test
    void theErrorPathItselfIsNotAResource() throws Exception {
        envelope(send("GET", "/error", null, null, null), 404, "NOT_FOUND");
    }

    @Test
    void successfulAnswersCarryATraceIdToo() throws Exception {
        Answer answer = send("GET", "/api/v1/orders?limit=1", KEY, null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("X-Trace-Id")).matches("[0-9a-f]{32}");
    }

    @Test
    void anIncomingTraceparentSeedsTheTraceId() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Answer answer = send("GET", "/api/v1/nothing-here", KEY, null, null,
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        assertThat(answer.header("X-Trace-Id")).isEqualTo(traceId);
        assertThat(answer.body().get("trace_id").asString()).isEqualTo(traceId);
        Answer bogus = send("GET", "/api/v1/orders?limit=1", KEY, null, null, "X-Request-Id", "bad id <script>");
        assertThat(bogus.header("X-Trace-Id")).matches("[0-9a-f]{32}");
    }

    private static Answer envelope(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.body().path("code").asString()).isEqualTo(code);
        assertThat(answer.body().path("message").asString()).isNotBlank();
        String traceId = answer.body().path("trace_id").asString();
        assertThat(traceId).isNotBlank().isEqualTo(answer.header("X-Trace-Id"));
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        return answer;
    }

    private Answer send(String method, String path, String key, String contentType, String body, String... headers)
            throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) builder.header("Authorization", "Bearer " + key);
        if (contentType != null) builder.header("Content-Type", contentType);
        for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : readOrNull(text);
        return new Answer(response.statusCode(), json, response);
    }

    private static JsonNode readOrNull(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return JSON.nullNode(); // not JSON: the assertions on the envelope say so
        }
    }
}
