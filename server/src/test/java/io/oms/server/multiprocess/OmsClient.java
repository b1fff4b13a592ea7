package io.oms.server.multiprocess;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST API of an {@code oms api} process and the simulator's control endpoint, over plain HTTP. */
final class OmsClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String api;
    private final String apiKey;
    private final String simControl;

    OmsClient(int apiPort, String apiKey, int simControlPort) {
        this.api = "http://127.0.0.1:" + apiPort;
        this.apiKey = apiKey;
        this.simControl = "http://127.0.0.1:" + simControlPort;
    }

    /** Status of the api's broker health component (UP only while a worker holds a live IB session). */
    String brokerHealth() {
        try {
            return send(HttpRequest.newBuilder(URI.create(api + "/actuator/health")), null)
                    .path("components").path("broker").path("status").asString("MISSING");
        } catch (RuntimeException e) {
            return "UNREACHABLE: " + e.getMessage();
        }
    }

    JsonNode submitMarketBuy(String symbol, int qty, String clientOrderId) {
        String body = """
                {"account":"DU1234567","symbol":"%s","side":"BUY","type":"MKT","qty":"%d","tif":"DAY","clientOrderId":"%s"}"""
                .formatted(symbol, qty, clientOrderId);
        HttpRequest.Builder req = authorized("/api/v1/orders").timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(req, 201);
    }

    JsonNode order(String id) {
        return send(authorized("/api/v1/orders/" + id), 200);
    }

    List<JsonNode> executions(String orderId) {
        return list(send(authorized("/api/v1/orders/" + orderId + "/executions"), 200));
    }

    BigDecimal position(String symbol) {
        for (JsonNode p : list(send(authorized("/api/v1/positions"), 200))) {
            if (symbol.equals(p.path("symbol").asString())) return new BigDecimal(p.path("qty").asString());
        }
        return BigDecimal.ZERO;
    }

    /** The simulator's own record of executions for one IB orderRef. */
    List<JsonNode> simulatorExecutions(String orderRef) {
        List<JsonNode> all = list(send(HttpRequest.newBuilder(URI.create(simControl + "/executions")), 200));
        return all.stream().filter(x -> orderRef.equals(x.path("orderRef").asString())).toList();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + apiKey);
    }

    private JsonNode send(HttpRequest.Builder req, Integer expectedStatus) {
        HttpResponse<String> res;
        try {
            res = http.send(req.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (expectedStatus != null && res.statusCode() != expectedStatus) {
            throw new IllegalStateException(res.request().method() + " " + res.uri() + " -> " + res.statusCode()
                    + " (expected " + expectedStatus + "): " + res.body());
        }
        return JSON.readTree(res.body());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
