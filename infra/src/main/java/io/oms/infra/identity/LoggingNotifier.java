package io.oms.infra.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development {@link Notifier}: logs that a token was issued (user id and a redacted email, never the
 * token) and remembers the latest token per email in memory (bounded), which tests and a developer's debugger
 * read through {@link #lastUnlockToken}. Nothing exposes it over HTTP.
 */
public class LoggingNotifier implements Notifier {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);
    private static final int MAX_REMEMBERED = 1000;

    private final Map<String, String> latest = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    @Override
    public synchronized void unlockToken(UserRow user, String token, Instant expiresAt) {
        latest.put(user.email(), token);
        log.info("account unlock token issued for user {} ({}), valid until {}; no mail system is configured, "
                + "so it is not delivered", user.id(), redact(user.email()), expiresAt);
    }

    public synchronized Optional<String> lastUnlockToken(String email) {
        return Optional.ofNullable(latest.get(UserRepository.normalize(email)));
    }

    static String redact(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
