package io.oms.activities.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.workflows.activities.AttemptOutcome.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseClassifierTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"200,DELIVERED", "201,DELIVERED", "204,DELIVERED", "299,DELIVERED",
            "408,RETRY", "429,RETRY", "500,RETRY", "502,RETRY", "503,RETRY", "504,RETRY", "599,RETRY",
            "301,FAILED", "302,FAILED", "307,FAILED", "400,FAILED", "401,FAILED", "403,FAILED", "404,FAILED",
            "410,FAILED", "413,FAILED", "422,FAILED", "101,FAILED"})
    void statusCodesMapToDeliveredRetryOrFailed(int status, Kind kind) {
        var outcome = ResponseClassifier.classify(status, null, NOW);
        assertThat(outcome.kind()).isEqualTo(kind);
        assertThat(outcome.statusCode()).isEqualTo(status);
        assertThat(outcome.reason()).startsWith("HTTP_" + status);
    }

    @Test
    void retryAfterIsHonouredOnlyOn429And503() {
        assertThat(ResponseClassifier.classify(429, "120", NOW).retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ResponseClassifier.classify(503, "7", NOW).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(ResponseClassifier.classify(500, "120", NOW).retryAfter()).isNull();
        assertThat(ResponseClassifier.classify(200, "120", NOW).retryAfter()).isNull();
    }

    @Test
    void retryAfterIsDeltaSecondsOrAnHttpDate() {
        assertThat(ResponseClassifier.retryAfter("0", NOW)).isEqualTo(Duration.ZERO);
        assertThat(ResponseClassifier.retryAfter(" 30 ", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ResponseClassifier.retryAfter("Mon, 02 Mar 2026 10:05:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aMissingMalformedOrPastRetryAfterIsIgnored() {
        assertThat(ResponseClassifier.retryAfter(null, NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("soon", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("-5", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("1.5", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("99999999999999999999999", NOW)).isNull();
        assertThat(ResponseClassifier.retryAfter("Mon, 02 Mar 2026 09:00:00 GMT", NOW)).isNull();
    }
}
