package io.oms.ib.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Optional HTTP control for end-to-end and chaos runs. Parameters are query parameters; answers are JSON,
 * written by hand because they are tiny and the module must stay dependency-free. The routes themselves
 * are in {@link ControlRoutes}. Errors: 400 bad parameters, 405 wrong method, 409 not possible now.
 */
final class ControlServer implements AutoCloseable {
    /** A route: query parameters in, JSON out. */
    interface Handler extends Function<Map<String, String>, String> {}

    private final HttpServer http;
    private final Map<String, Map<String, Handler>> routes = new HashMap<>();

    ControlServer(GatewaySimulator sim, String host, int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(host, port), 0);
        ControlRoutes.register(this, sim);
        http.start();
    }

    void route(String method, String path, Handler handler) {
        Map<String, Handler> byMethod = routes.get(path);
        if (byMethod == null) {
            Map<String, Handler> fresh = new HashMap<>();
            routes.put(path, fresh);
            http.createContext(path, ex -> dispatch(ex, path, fresh));
            byMethod = fresh;
        }
        byMethod.put(method, handler);
    }

    private static void dispatch(HttpExchange ex, String path, Map<String, Handler> byMethod) throws IOException {
        if (!ex.getRequestURI().getPath().equals(path)) { reply(ex, 404, "{\"error\":\"not found\"}"); return; }
        Handler handler = byMethod.get(ex.getRequestMethod());
        if (handler == null) { reply(ex, 405, "{\"error\":\"" + String.join("/", byMethod.keySet()) + " only\"}"); return; }
        try {
            reply(ex, 200, handler.apply(query(ex.getRequestURI().getRawQuery())));
        } catch (IllegalStateException e) {
            reply(ex, 409, "{\"error\":" + q(String.valueOf(e.getMessage())) + "}");
        } catch (RuntimeException e) {
            reply(ex, 400, "{\"error\":" + q(String.valueOf(e.getMessage())) + "}");
        }
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
