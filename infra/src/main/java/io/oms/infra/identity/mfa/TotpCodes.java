package io.oms.infra.identity.mfa;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.DefaultCodeVerifier;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.secret.SecretGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * RFC 6238 TOTP as authenticator apps expect it (SHA-1, 6 digits, 30-second steps), all of it done by the
 * {@code dev.samstevens.totp} library: secret generation, the {@code otpauth://} URI and the code check.
 *
 * <p>The library's verifier answers only yes or no for "now ± n steps"; replay protection needs to know
 * <em>which</em> step a code belongs to, so {@link #matchingStep} asks the library's verifier once per step of
 * the window, each pinned to that step's time, and always asks all of them (the time taken does not tell which
 * step matched). Time comes from the injected {@link Clock}, so tests move time instead of sleeping.
 */
public final class TotpCodes {
    public static final String ISSUER = "OMS";
    public static final int DIGITS = 6;
    public static final int PERIOD_SECONDS = 30;
    /** Steps accepted either side of the current one (clock drift between phone and server). */
    public static final int WINDOW = 1;
    private static final HashingAlgorithm ALGORITHM = HashingAlgorithm.SHA1;
    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    // 32 base32 characters = 160 bits, the secret length RFC 4226 recommends
    private final SecretGenerator secrets = new DefaultSecretGenerator(32);
    private final CodeGenerator generator = new DefaultCodeGenerator(ALGORITHM, DIGITS);
    private final Clock clock;

    public TotpCodes(Clock clock) {
        this.clock = clock;
    }

    /** A new random base32 secret. */
    public String newSecret() {
        return secrets.generate();
    }

    /** The {@code otpauth://totp/...} URI an authenticator app reads (usually from a QR code). */
    public String otpauthUri(String account, String secret) {
        return new QrData.Builder().label(account).secret(secret).issuer(ISSUER).algorithm(ALGORITHM)
                .digits(DIGITS).period(PERIOD_SECONDS).build().getUri();
    }

    /** The input with blanks removed ("123 456" as some apps show it) when it has the shape of a code, else null. */
    public static String normalize(String input) {
        if (input == null) return null;
        String code = input.replaceAll("\\s", "");
        return CODE.matcher(code).matches() ? code : null;
    }

    public long currentStep() {
        return Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
    }

    /**
     * The latest step within {@link #WINDOW} of now whose code is {@code code} and which is after
     * {@code afterStep} (the last step already used); empty when there is none.
     */
    public OptionalLong matchingStep(String secret, String code, long afterStep) {
        long now = currentStep();
        long found = Long.MIN_VALUE;
        for (int offset = -WINDOW; offset <= WINDOW; offset++) {
            long step = now + offset;
            boolean valid = verifierAt(step).isValidCode(secret, code); // every step checked, match or not
            if (valid && step > afterStep) found = step;
        }
        return found == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** The code an authenticator app shows at {@code at} (for tests and tools; never logged). */
    public String codeAt(String secret, Instant at) {
        try {
            return generator.generate(secret, Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException("cannot generate a TOTP code", e);
        }
    }

    private DefaultCodeVerifier verifierAt(long step) {
        DefaultCodeVerifier verifier = new DefaultCodeVerifier(generator, () -> step * PERIOD_SECONDS);
        verifier.setTimePeriod(PERIOD_SECONDS);
        verifier.setAllowedTimePeriodDiscrepancy(0);
        return verifier;
    }
}
