package io.oms.infra.identity;

import java.util.UUID;

/**
 * The second factor a login must present once a user has enrolled one (TOTP, with recovery codes as the
 * fallback). Login asks {@link #enrolled}; when true, the login request must carry a code that
 * {@link #verify} accepts, else it fails like a wrong password (and counts toward lockout).
 */
public interface SecondFactor {
    /** True when the user has a confirmed second factor. */
    boolean enrolled(UUID userId);

    /**
     * True when {@code code} is the user's current TOTP code (not one already used in its time step) or one of
     * the user's unused recovery codes, which this call then uses up. Never throws for a wrong code.
     */
    boolean verify(UUID userId, String code);
}
