package io.oms.api.auth;

import java.util.List;
import java.util.UUID;

/** Request and response bodies of the auth endpoints. */
final class AuthBodies {
    private AuthBodies() {}

    record RegisterBody(String email, String password, String displayName) {}

    /** {@code inviteToken}: accept this invite first and log in to its tenant (how a new user joins one). */
    record LoginBody(String email, String password, String tenant, String mfaCode, String inviteToken) {}

    record RefreshBody(String refreshToken) {}

    record UnlockRequestBody(String email) {}

    record UnlockBody(String token) {}

    record UserResource(UUID id, String email, String displayName) {}

    /** The answer of a login or refresh; {@code expiresIn} in seconds (the access token's lifetime). */
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, UUID sessionId,
                         String tenant, List<String> scopes) {}

    record MeResource(UUID userId, String email, String displayName, boolean systemAdmin, String tenant, String role,
                      List<String> scopes, UUID sessionId) {}
}
