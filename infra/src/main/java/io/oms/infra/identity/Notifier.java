package io.oms.infra.identity;

import java.time.Instant;

/**
 * How a user receives what only they may see (an account-unlock token). There is no mail system yet: the one
 * adapter, {@link LoggingNotifier}, logs a redacted line and keeps the token in memory; a deployment with mail
 * provides its own bean of this type.
 */
public interface Notifier {
    void unlockToken(UserRow user, String token, Instant expiresAt);
}
