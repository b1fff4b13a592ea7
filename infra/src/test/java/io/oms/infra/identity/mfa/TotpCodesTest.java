package io.oms.infra.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.ib.sim.ManualClock;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TotpCodesTest {
    /** RFC 6238 appendix B's SHA-1 seed ("12345678901234567890") in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesAreThoseOfRfc6238WithSixDigits() {
        TotpCodes totp = new TotpCodes(new ManualClock(Instant.EPOCH));
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
    }

    @Test
    void matchingStepNamesTheStepOfTheCodeAndSkipsUsedSteps() {
        ManualClock clock = new ManualClock(Instant.ofEpochSecond(1111111109));
        TotpCodes totp = new TotpCodes(clock);
        long now = totp.currentStep();
        assertThat(totp.matchingStep(RFC_SECRET, "081804", Long.MIN_VALUE)).isEqualTo(OptionalLong.of(now));
        assertThat(totp.matchingStep(RFC_SECRET, "081804", now)).isEmpty();
        String previous = totp.codeAt(RFC_SECRET, clock.instant().minusSeconds(30));
        assertThat(totp.matchingStep(RFC_SECRET, previous, Long.MIN_VALUE)).isEqualTo(OptionalLong.of(now - 1));
        assertThat(totp.matchingStep(RFC_SECRET, previous, now - 1)).isEmpty();
    }

    @Test
    void otpauthUriNamesIssuerAccountAndParameters() {
        String uri = new TotpCodes(new ManualClock(Instant.EPOCH)).otpauthUri("ann@example.com", RFC_SECRET);
        assertThat(uri).startsWith("otpauth://totp/ann%40example.com?")
                .contains("secret=" + RFC_SECRET, "issuer=OMS", "algorithm=SHA1", "digits=6", "period=30");
    }

    @Test
    void newSecretsAre160RandomBitsInBase32() {
        TotpCodes totp = new TotpCodes(new ManualClock(Instant.EPOCH));
        assertThat(totp.newSecret()).matches("[A-Z2-7]{32}").isNotEqualTo(totp.newSecret());
    }

    @Test
    void normalizeAcceptsSixDigitsWithBlanksOnly() {
        assertThat(TotpCodes.normalize(" 123 456 ")).isEqualTo("123456");
        assertThat(TotpCodes.normalize("12345")).isNull();
        assertThat(TotpCodes.normalize("1234567")).isNull();
        assertThat(TotpCodes.normalize("12345a")).isNull();
        assertThat(TotpCodes.normalize(null)).isNull();
    }
}
