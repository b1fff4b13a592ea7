package io.oms.ib.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.wire.Frames;
import io.oms.ib.wire.Handshake;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SimulatorProtocolTest {

    private static List<String> hello(int port, String range) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            Handshake.writeClientHello(s.getOutputStream(), Handshake.VersionRange.parse(range));
            return Frames.readFields(new DataInputStream(s.getInputStream()));
        }
    }

    @Test
    void negotiatesMinOfClientMaxAnd195() throws Exception {
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0))) {
            sim.start();
            assertThat(hello(sim.port(), "v100..195").get(0)).isEqualTo("195");
            assertThat(hello(sim.port(), "v100..176").get(0)).isEqualTo("176");
            assertThat(hello(sim.port(), "v100..226").get(0)).isEqualTo("195");
        }
    }

    @Test
    void refusesClientsWhoseMaxIsBelow157() throws Exception {
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0))) {
            sim.start();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> hello(sim.port(), "v100..150"))
                    .isInstanceOf(EOFException.class);
        }
    }

    @Test
    void controlEndpointMovesPriceAndListsExecutions() throws Exception {
        try (GatewaySimulator sim = new GatewaySimulator(SimulatorConfig.defaults().withPort(0).withControlPort(0)
                .withVolatilityBps(java.math.BigDecimal.ZERO))) {
            sim.start();
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + sim.controlPort();
            HttpResponse<String> p = http.send(HttpRequest.newBuilder(URI.create(base + "/price?symbol=AAPL&price=123.45"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(p.statusCode()).isEqualTo(200);
            assertThat(sim.lastPrice("AAPL")).isEqualByComparingTo("123.45");
            HttpResponse<String> x = http.send(HttpRequest.newBuilder(URI.create(base + "/executions")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(x.body()).isEqualTo("[]");
        }
    }
}
