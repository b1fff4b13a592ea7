package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Request bodies over the configured maximum (256 KiB) answer 413 before parsing, with or without a length. */
class RequestSizeLimitTest extends EndToEndTest {
    private static final int LIMIT = 256 * 1024;

    @Autowired
    JdbcClient jdbc;

    /** A syntactically valid order whose free-text field makes the body {@code size} bytes or more. */
    private static String orderOfSize(String account, int size) {
        String start = "{\"account\":\"" + account + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"MKT\",\"qty\":\"1\","
                + "\"clientOrderId\":\"";
        return start + "x".repeat(Math.max(0, size - start.length() - 2)) + "\"}";
    }

    private static HttpRequest.BodyPublisher chunked(String body) {
        // An input stream has no known length, so the client sends Transfer-Encoding: chunked.
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private long orders(String tenant) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE tenant_id = :t").param("t", tenant).query(Long.class).single();
    }

    @Test
    void aBodyOverTheLimitByContentLengthIsRefusedWith413AndChangesNothing() {
        OwnTenant tenant = ownTenant("sz", "size");

        ApiClient.Response refused = tenant.api().post("/api/v1/orders", orderOfSize(tenant.account(), LIMIT + 1));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.text("message")).contains(Integer.toString(LIMIT));
        assertThat(refused.text("trace_id")).isEqualTo(refused.header("X-Trace-Id"));
        assertThat(orders(tenant.id())).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        OwnTenant tenant = ownTenant("sz", "size");
        RawHttp raw = new RawHttp(port);

        ApiClient.Response refused = raw.send(raw.request("/api/v1/orders", "Authorization", "Bearer " + KEY,
                        "Content-Type", "application/json")
                .POST(chunked(orderOfSize(tenant.account(), LIMIT + 4096))).build());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(orders(tenant.id())).isZero();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsServedAsUsual() {
        RawHttp raw = new RawHttp(port);
        String clientOrderId = uniqueId("chunked");

        ApiClient.Response created = raw.send(raw.request("/api/v1/orders", "Authorization", "Bearer " + KEY,
                        "Content-Type", "application/json")
                .POST(chunked(order(clientOrderId, "AAPL", "BUY", "LMT", "1", "1.00"))).build());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("clientOrderId")).isEqualTo(clientOrderId);
    }

    @Test
    void aBatchOfAHundredOrdersFits() {
        OwnTenant tenant = ownTenant("sz", "size");
        StringJoiner orders = new StringJoiner(",", "{\"orders\":[", "]}");
        for (int i = 0; i < 100; i++) {
            orders.add("{\"account\":\"" + tenant.account() + "\",\"symbol\":\"AAPL\",\"side\":\"BUY\",\"type\":\"LMT\","
                    + "\"qty\":\"1\",\"limitPrice\":\"1.00\",\"tif\":\"DAY\",\"clientOrderId\":\"" + uniqueId("batch-" + i) + "\"}");
        }

        ApiClient.Response answer = tenant.api().post("/api/v1/orders/batch", orders.toString());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(orders(tenant.id())).isEqualTo(100);
    }

    @Test
    void anOversizedBodyIsRefusedEvenWithoutCredentials() {
        ApiClient anonymous = api.withKey(null);

        ApiClient.Response refused = anonymous.post("/api/v1/orders", "{\"x\":\"" + "y".repeat(LIMIT) + "\"}");

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.text("code")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void oversizedHeadersAreRefusedByTheServer() {
        RawHttp raw = new RawHttp(port);

        ApiClient.Response refused = raw.get("/api/v1/orders", "Authorization", "Bearer " + KEY,
                "X-Padding", "p".repeat(32 * 1024));

        assertThat(refused.status()).isEqualTo(400);
    }
}
