package io.oms.infra.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters (at most {@value #MAX_LENGTH}, to bound
 * the hashing work), not all of one character class, not containing the email's local part, and not one of the
 * most common passwords. Returns every problem at once, each naming the field, so a form can show them all.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    /** One problem with a field of the request. */
    public record Problem(String field, String message) {}

    /** Very common passwords long enough to pass the length rule (compared case-insensitively). */
    private static final Set<String> COMMON = Set.of("password1234", "password12345", "password123456",
            "123456789012", "1234567890123", "qwertyuiop123", "qwerty123456", "iloveyou1234", "letmein12345",
            "welcome12345", "administrator", "passw0rd1234", "1q2w3e4r5t6y", "1qaz2wsx3edc", "qwertyuiopasdf",
            "abc123456789", "changeme1234", "trustno11234", "football1234", "baseball1234", "monkey123456",
            "dragon123456", "sunshine1234", "princess1234", "superman1234", "starwars1234", "password!234",
            "p@ssw0rd1234", "p@ssword1234", "correcthorsebatterystaple", "aaaaaaaaaaaa", "111111111111",
            "000000000000", "zaq12wsxcde3", "q1w2e3r4t5y6", "asdfghjkl123", "letmeinplease", "welcome2024!",
            "password2024", "password2025", "password2026", "summer2024!!", "winter2024!!");

    private PasswordPolicy() {}

    public static List<Problem> check(String password, String email) {
        List<Problem> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add(new Problem("password", "is required"));
            return problems;
        }
        if (password.length() < MIN_LENGTH) {
            problems.add(new Problem("password", "must be at least " + MIN_LENGTH + " characters long"));
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(new Problem("password", "must be at most " + MAX_LENGTH + " characters long"));
        }
        if (classes(password) < 2) {
            problems.add(new Problem("password",
                    "must mix at least two kinds of characters (lowercase, uppercase, digits, symbols)"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = localPart(email);
        if (local.length() >= 3 && lower.contains(local)) {
            problems.add(new Problem("password", "must not contain the email address's name part"));
        }
        if (COMMON.contains(lower)) {
            problems.add(new Problem("password", "is one of the most common passwords"));
        }
        return problems;
    }

    private static int classes(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) lower = true;
            else if (Character.isUpperCase(c)) upper = true;
            else if (Character.isDigit(c)) digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static String localPart(String email) {
        if (email == null) return "";
        int at = email.indexOf('@');
        return (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
