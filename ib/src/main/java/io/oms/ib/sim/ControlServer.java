package io.oms.ib.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Optional HTTP control for end-to-end runs: GET /executions, POST /price?symbol=X&price=Y, POST /drop.
 * The JSON is written by hand because it is tiny and the module must stay dependency-free.
 */
final class ControlServer implements AutoCloseable {
    private final HttpServer http;

    ControlServer(GatewaySimulator sim, String host, int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(host, port), 0);
        http.createContext("/executions", ex -> {
            if (!"GET".equals(ex.getRequestMethod())) { reply(ex, 405, "{\"error\":\"GET only\"}"); return; }
            StringJoiner arr = new StringJoiner(",", "[", "]");
            for (SimExecution x : sim.executions()) {
                arr.add("{\"execId\":" + q(x.execId()) + ",\"orderId\":" + x.orderId() + ",\"orderRef\":" + q(x.orderRef())
                        + ",\"account\":" + q(x.account()) + ",\"symbol\":" + q(x.symbol()) + ",\"side\":" + q(x.side())
                        + ",\"shares\":" + x.shares().toPlainString() + ",\"price\":" + x.price().toPlainString() + "}");
            }
            reply(ex, 200, arr.toString());
        });
        http.createContext("/price", ex -> {
            if (!"POST".equals(ex.getRequestMethod())) { reply(ex, 405, "{\"error\":\"POST only\"}"); return; }
            Map<String, String> qp = query(ex.getRequestURI().getRawQuery());
            try {
                sim.setPrice(qp.get("symbol"), new BigDecimal(qp.get("price")));
                reply(ex, 200, "{\"symbol\":" + q(qp.get("symbol")) + ",\"price\":" + sim.lastPrice(qp.get("symbol")).toPlainString() + "}");
            } catch (RuntimeException e) {
                reply(ex, 400, "{\"error\":" + q(String.valueOf(e.getMessage())) + "}");
            }
        });
        http.createContext("/drop", ex -> {
            if (!"POST".equals(ex.getRequestMethod())) { reply(ex, 405, "{\"error\":\"POST only\"}"); return; }
            sim.dropConnections();
            reply(ex, 200, "{\"dropped\":true}");
        });
        http.start();
    }

    int port() { return http.getAddress().getPort(); }

    @Override
    public void close() { http.stop(0); }

    private static void reply(HttpExchange ex, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, b.length);
        try (var os = ex.getResponseBody()) { os.write(b); }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    static String q(String s) {
        if (s == null) return "null";
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> { if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c); }
            }
        }
        return sb.append('"').toString();
    }
}
