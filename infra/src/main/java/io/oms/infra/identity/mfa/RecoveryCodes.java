package io.oms.infra.identity.mfa;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Recovery codes: {@code xxxx-xxxx-xxxx} from a 31-character alphabet without look-alikes (about 59 random
 * bits each), stored only as salted PBKDF2 hashes. The codes are long and random, so the hash need not be slow
 * to resist guessing; its salt keeps equal codes from having equal hashes, and few iterations keep checking a
 * user's ten hashes cheap.
 */
public final class RecoveryCodes {
    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Pattern SHAPE = Pattern.compile("[" + ALPHABET + "]{12}");

    private final Pbkdf2PasswordEncoder encoder =
            new Pbkdf2PasswordEncoder("", 16, 10_000, Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
    private final SecureRandom random = new SecureRandom();

    /** {@link #COUNT} new codes, formatted for display. */
    public List<String> generate() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(14);
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) code.append('-');
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The canonical form (lowercase, no dashes or blanks) when the input has the shape of a code, else null. */
    public static String normalize(String input) {
        if (input == null) return null;
        String code = input.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        return SHAPE.matcher(code).matches() ? code : null;
    }

    /** The hash to store for a code (as displayed or normalized). */
    public String hash(String code) {
        return encoder.encode(normalize(code));
    }

    /** Timing-safe comparison of a normalized code with a stored hash. */
    public boolean matches(String normalizedCode, String hash) {
        return encoder.matches(normalizedCode, hash);
    }
}
