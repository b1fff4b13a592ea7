package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.SimOrderView;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared steps of the order type and time-in-force tests: submit an order with any terms, find it in the
 * simulator, move the simulator's (manual) clock to its next open or close, and clean up whatever a failed
 * test left working so it cannot trade in the next one.
 */
abstract class OrderTermsEndToEndTest extends EndToEndTest {
    /** The simulator's exchange session (its defaults: US/Eastern, 09:30-16:00, weekdays). */
    static final ZoneId EXCHANGE = ZoneId.of("US/Eastern");
    static final LocalTime OPEN = LocalTime.of(9, 30);
    static final LocalTime CLOSE = LocalTime.of(16, 0);
    /** What an order IB ended because its time passed may show: the workflow maps IB's Cancelled, or marks it EXPIRED. */
    static final Set<String> ENDED_BY_TIME = Set.of("CANCELED", "EXPIRED");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> placed = new ArrayList<>();

    /** An order body: the common fields, then the terms as name/value pairs (values sent as given). */
    static Map<String, Object> terms(String prefix, String symbol, String side, String type, String qty, Object... terms) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", ACCOUNT);
        body.put("symbol", symbol);
        body.put("side", side);
        body.put("type", type);
        body.put("qty", qty);
        body.put("clientOrderId", uniqueId(prefix));
        for (int i = 0; i + 1 < terms.length; i += 2) {
            body.put((String) terms[i], terms[i + 1]);
        }
        return body;
    }

    ApiClient.Response post(Map<String, Object> body) {
        ApiClient.Response response = api.post("/api/v1/orders", JSON.writeValueAsString(body));
        if (response.text("id") != null) {
            placed.add(response.text("id"));
        }
        return response;
    }

    /** Submits and expects IB to have accepted the order (201, not rejected). */
    ApiClient.Response submit(Map<String, Object> body) {
        ApiClient.Response response = post(body);
        assertThat(response.status()).as("submit %s: %s", body, response.body()).isEqualTo(201);
        assertThat(response.text("state")).as("state after submit").isNotIn("REJECTED", "NEW");
        return response;
    }

    ApiClient.Response awaitAnyState(String orderId, Set<String> states) {
        return api.await("/api/v1/orders/" + orderId, r -> states.contains(r.text("state")), Duration.ofSeconds(30));
    }

    /** The simulator's view of the order (IB's side), found by the orderRef that ends with the clientOrderId. */
    SimOrderView atBroker(ApiClient.Response order) {
        String clientOrderId = order.text("clientOrderId");
        return simulator.orders().stream().filter(o -> isOurs(o.orderRef(), clientOrderId))
                .findFirst().orElseThrow(() -> new AssertionError("the simulator has no order " + clientOrderId));
    }

    List<JsonNode> executions(String orderId) {
        List<JsonNode> list = new ArrayList<>();
        api.get("/api/v1/orders/" + orderId + "/executions").body().forEach(list::add);
        return list;
    }

    static BigDecimal decimal(ApiClient.Response order, String field) {
        return new BigDecimal(order.text(field));
    }

    /** Moves the simulator's clock just past its next session open (09:30 ET), running the opening auction. */
    void passNextOpen() {
        simulator.setClock(next(OPEN).plusSeconds(1));
    }

    /** Moves the simulator's clock just past its next close (16:00 ET): the closing auction, then DAY expiry. */
    void passNextClose() {
        simulator.setClock(next(CLOSE).plusSeconds(1));
    }

    /** An expiry the API accepts (after the wall clock) and the simulator has not reached yet (after its clock). */
    Instant expiryAhead(Duration ahead) {
        Instant now = Instant.now();
        Instant sim = simulator.clock().instant();
        return (sim.isAfter(now) ? sim : now).plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private Instant next(LocalTime at) {
        Instant now = simulator.clock().instant();
        LocalDate day = now.atZone(EXCHANGE).toLocalDate();
        for (int i = 0; i < 8; i++, day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            Instant t = day.atTime(at).atZone(EXCHANGE).toInstant();
            if (t.isAfter(now)) {
                return t;
            }
        }
        throw new IllegalStateException("no session within a week of " + now);
    }

    @AfterEach
    void cancelWhatIsStillWorking() {
        for (String id : placed) {
            String state = api.get("/api/v1/orders/" + id).text("state");
            if ("NEW".equals(state) || "ROUTED".equals(state) || "PARTIALLY_FILLED".equals(state)) {
                api.post("/api/v1/orders/" + id + "/cancel", "");
            }
        }
        placed.clear();
    }
}
