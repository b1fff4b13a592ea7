package io.oms.server.multiprocess;

import io.oms.server.e2e.ApiClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** The REST API of an {@code oms api} process and the simulator's control endpoint. */
final class OmsClient {
    private final ApiClient api;
    private final ApiClient simulator;

    OmsClient(int apiPort, String apiKey, int simControlPort) {
        this.api = new ApiClient(apiPort, apiKey);
        this.simulator = new ApiClient(simControlPort, null);
    }

    /** Status of the api's broker health component (UP only while a worker holds a live IB session). */
    String brokerHealth() {
        try {
            return api.get("/actuator/health").body().path("components").path("broker").path("status").asString("MISSING");
        } catch (AssertionError | RuntimeException e) {
            return "UNREACHABLE: " + e.getMessage();
        }
    }

    /** The account's reconciliation state: orders are accepted only once it is SYNCED. */
    String syncState(String account) {
        try {
            for (JsonNode a : list(expect(api.get("/api/v1/reconciliation/accounts"), 200, "GET reconciliation accounts"))) {
                if (account.equals(a.path("account").asString())) return a.path("syncState").asString();
            }
            return "MISSING";
        } catch (AssertionError | RuntimeException e) {
            return "UNREACHABLE: " + e.getMessage();
        }
    }

    JsonNode submitMarketBuy(String symbol, int qty, String clientOrderId) {
        String body = """
                {"account":"DU1234567","symbol":"%s","side":"BUY","type":"MKT","qty":"%d","tif":"DAY","clientOrderId":"%s"}"""
                .formatted(symbol, qty, clientOrderId);
        return expect(api.post("/api/v1/orders", body), 201, "POST /api/v1/orders");
    }

    /** The answer to POST /api/v1/orders as it is, whatever its status (the worker may die while it waits). */
    ApiClient.Response postMarketBuy(String symbol, int qty, String clientOrderId) {
        String body = """
                {"account":"DU1234567","symbol":"%s","side":"BUY","type":"MKT","qty":"%d","tif":"DAY","clientOrderId":"%s"}"""
                .formatted(symbol, qty, clientOrderId);
        return api.post("/api/v1/orders", body);
    }

    /** What a POST sent in the background answered, for the log: status and body, or why there is none. */
    static String answer(CompletableFuture<ApiClient.Response> post) {
        try {
            ApiClient.Response r = post.get(70, TimeUnit.SECONDS);
            return r.status() + " " + r.body();
        } catch (Exception e) {
            return "nothing (" + e + ")";
        }
    }

    /** The order of a client order id, or null while the API has none. */
    JsonNode orderByClientOrderId(String clientOrderId) {
        ApiClient.Response r = api.get("/api/v1/orders:by_client_order_id?client_order_id=" + clientOrderId);
        if (r.status() == 404) return null;
        return expect(r, 200, "GET order by client order id " + clientOrderId);
    }

    /** Sets a fault on the simulator through its control endpoint, e.g. {@code /faults/placement?kind=delay-ack&next=1&ms=30000}. */
    void simulatorFault(String pathAndQuery) {
        expect(simulator.post(pathAndQuery, ""), 200, "POST simulator " + pathAndQuery);
    }

    /** The simulator's orders under one IB orderRef. */
    List<JsonNode> simulatorOrders(String orderRef) {
        return list(expect(simulator.get("/orders"), 200, "GET simulator orders")).stream()
                .filter(o -> orderRef.equals(o.path("orderRef").asString())).toList();
    }

    /** placeOrder messages the simulator received under an orderRef. */
    int simulatorPlacements(String orderRef) {
        return expect(simulator.get("/placements?orderRef=" + orderRef), 200, "GET simulator placements").path("received").asInt();
    }

    JsonNode order(String id) {
        return expect(api.get("/api/v1/orders/" + id), 200, "GET order " + id);
    }

    List<JsonNode> executions(String orderId) {
        return list(expect(api.get("/api/v1/orders/" + orderId + "/executions"), 200, "GET executions"));
    }

    BigDecimal position(String symbol) {
        for (JsonNode p : list(expect(api.get("/api/v1/positions"), 200, "GET positions"))) {
            if (symbol.equals(p.path("symbol").asString())) return new BigDecimal(p.path("qty").asString());
        }
        return BigDecimal.ZERO;
    }

    /** The simulator's own record of executions for one IB orderRef. */
    List<JsonNode> simulatorExecutions(String orderRef) {
        return list(expect(simulator.get("/executions"), 200, "GET simulator executions")).stream()
                .filter(x -> orderRef.equals(x.path("orderRef").asString())).toList();
    }

    private static JsonNode expect(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " -> " + response.status() + " (expected " + status + "): " + response.body());
        }
        return response.body();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
