package io.oms.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.webhook.StandardWebhooks.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
    // The example of the Standard Webhooks specification.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TS = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(TS);

    @Test
    void signsLikeTheSpecificationsExample() {
        assertThat(StandardWebhooks.sign(SECRET, ID, TS, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringARotation() {
        String other = StandardWebhooks.newSecret();
        String header = StandardWebhooks.signatureHeader(List.of(other, SECRET), ID, TS, BODY);
        assertThat(header.split(" ")).hasSize(2);
        assertThat(verify(List.of(SECRET), header, NOW)).isEqualTo(Verdict.VALID);
        assertThat(verify(List.of(other), header, NOW)).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesATamperedBodyOrAnotherSecret() {
        String header = StandardWebhooks.sign(SECRET, ID, TS, BODY);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, Long.toString(TS), header,
                "{\"test\": 1}".getBytes(StandardCharsets.UTF_8), NOW, Duration.ofMinutes(5))).isEqualTo(Verdict.SIGNATURE_MISMATCH);
        assertThat(verify(List.of(StandardWebhooks.newSecret()), header, NOW)).isEqualTo(Verdict.SIGNATURE_MISMATCH);
    }

    @Test
    void refusesTimestampsOutsideTheTolerance() {
        String header = StandardWebhooks.sign(SECRET, ID, TS, BODY);
        assertThat(verify(List.of(SECRET), header, NOW.plusSeconds(301))).isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verify(List.of(SECRET), header, NOW.minusSeconds(301))).isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verify(List.of(SECRET), header, NOW.plusSeconds(299))).isEqualTo(Verdict.VALID);
    }

    @Test
    void refusesMissingHeadersAndMalformedTimestamps() {
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, null, "v1,x", BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(Verdict.MISSING_HEADERS);
        assertThat(StandardWebhooks.verify(List.of(SECRET), ID, "yesterday", "v1,x", BODY, NOW, Duration.ofMinutes(5)))
                .isEqualTo(Verdict.MALFORMED_TIMESTAMP);
    }

    @Test
    void newSecretsAreDistinctAndCarryThePrefix() {
        assertThat(StandardWebhooks.newSecret()).startsWith("whsec_").isNotEqualTo(StandardWebhooks.newSecret());
    }

    private static Verdict verify(List<String> secrets, String header, Instant now) {
        return StandardWebhooks.verify(secrets, ID, Long.toString(TS), header, BODY, now, Duration.ofMinutes(5));
    }
}
