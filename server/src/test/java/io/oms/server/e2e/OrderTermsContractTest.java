package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The REST contract of the order terms: field errors that create nothing, and replays that compare every term. */
class OrderTermsContractTest extends OrderTermsEndToEndTest {
    @Autowired
    JdbcClient jdbc;

    @Test
    void termsThatDoNotFitTheTypeAreFieldErrorsAndCreateNothing() {
        Map<String, Object> body = terms("bad", "AAPL", "BUY", "MOC", "10", "stopPrice", "150.00", "tif", "GTC",
                "outsideRth", true, "trailPercent", "150");
        ApiClient.Response refused = post(body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("VALIDATION_ERROR");
        assertThat(refused.body().get("details").findValuesAsString("field"))
                .containsExactlyInAnyOrder("stopPrice", "trailPercent", "tif", "outsideRth");
        assertThat(rows((String) body.get("clientOrderId"))).isZero();
        assertThat(simulator.orders()).noneMatch(o -> isOurs(o.orderRef(), (String) body.get("clientOrderId")));
    }

    @Test
    void expiryInThePastAndOffGridStopAreRefusedTogether() {
        Map<String, Object> body = terms("past", "AAPL", "SELL", "STP", "10", "stopPrice", "150.005", "tif", "GTD",
                "expireAt", "2020-01-01T00:00:00Z");
        ApiClient.Response refused = post(body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("details").findValuesAsString("problem"))
                .containsExactlyInAnyOrder("must be a multiple of the tick size 0.01", "must be in the future");
        assertThat(rows((String) body.get("clientOrderId"))).isZero();
    }

    @Test
    void replayWithTheSameTermsReturnsTheOrderAndAnyOtherTermIsAConflict() {
        Map<String, Object> body = terms("rep", "AAPL", "SELL", "STP", "10", "stopPrice", "1.00", "tif", "GTC",
                "outsideRth", true);
        ApiClient.Response first = submit(body);
        ApiClient.Response again = post(body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("id")).isEqualTo(first.text("id"));

        Map<String, Object> otherStop = new java.util.LinkedHashMap<>(body);
        otherStop.put("stopPrice", "1.01");
        Map<String, Object> otherFlag = new java.util.LinkedHashMap<>(body);
        otherFlag.put("outsideRth", false);
        Map<String, Object> otherTif = new java.util.LinkedHashMap<>(body);
        otherTif.put("tif", "DAY");
        for (Map<String, Object> changed : java.util.List.of(otherStop, otherFlag, otherTif)) {
            ApiClient.Response conflict = post(changed);
            assertThat(conflict.status()).as("%s", changed).isEqualTo(409);
            assertThat(conflict.text("code")).isEqualTo("DUPLICATE_CLIENT_ORDER_ID");
        }
        assertThat(rows((String) body.get("clientOrderId"))).isEqualTo(1);
    }

    private long rows(String clientOrderId) {
        return jdbc.sql("select count(*) from orders where client_order_id = ?").param(clientOrderId).query(Long.class).single();
    }
}
