package io.oms.api.auth;

import io.oms.api.auth.AuthBodies.LoginBody;
import io.oms.api.auth.AuthBodies.TokenResponse;
import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.tenancy.InviteAcceptance;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.AccessTokens;
import io.oms.infra.identity.IdentityProperties;
import io.oms.infra.identity.Membership;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Passwords;
import io.oms.infra.identity.Scopes;
import io.oms.infra.identity.SecondFactor;
import io.oms.infra.identity.Sessions;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.identity.UserRow;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Login and refresh. Login checks, in order: the password (an unknown email costs the same hashing work and
 * answers the same error), the lock, the second factor when enrolled, then picks the membership; only then does
 * the answer say anything about the account's tenants. Each wrong password or code counts toward the lockout.
 * With an invite token, the invite is accepted once the credentials are proven and the login goes to its tenant.
 * Refresh re-reads the membership, so a role change or removal takes effect at the next refresh at the latest.
 */
@ApiRole
@Service
class LoginFlow {
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final Passwords passwords;
    private final Sessions sessions;
    private final AccessTokens tokens;
    private final ObjectProvider<SecondFactor> secondFactor;
    private final IdentityProperties settings;
    private final InviteAcceptance invites;
    private final Clock clock;

    @Autowired
    LoginFlow(UserRepository users, MembershipRepository memberships, Passwords passwords, Sessions sessions,
              AccessTokens tokens, ObjectProvider<SecondFactor> secondFactor, IdentityProperties settings,
              InviteAcceptance invites) {
        this(users, memberships, passwords, sessions, tokens, secondFactor, settings, invites, Clock.systemUTC());
    }

    LoginFlow(UserRepository users, MembershipRepository memberships, Passwords passwords, Sessions sessions,
              AccessTokens tokens, ObjectProvider<SecondFactor> secondFactor, IdentityProperties settings,
              InviteAcceptance invites, Clock clock) {
        this.memberships = memberships;
        this.invites = invites;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tokens = tokens;
        this.secondFactor = secondFactor;
        this.settings = settings;
        this.clock = clock;
    }

    TokenResponse login(LoginBody body, HttpServletRequest http) {
        requireCredentials(body);
        Optional<UserRow> found = users.findByEmail(body.email());
        if (found.isEmpty() || found.get().disabledAt() != null) {
            passwords.matchesNobody(body.password());
            throw badCredentials();
        }
        UserRow user = found.get();
        Instant now = clock.instant();
        if (user.lockedAt(now)) {
            passwords.matchesNobody(body.password()); // same work, and a right password does not tell while locked
            throw locked(user.lockedUntil(), now);
        }
        if (!passwords.matches(body.password(), user.passwordHash())) {
            countFailure(user, now);
            throw badCredentials();
        }
        SecondFactor factor = secondFactor.getIfAvailable();
        if (factor != null && factor.enrolled(user.id())) {
            if (body.mfaCode() == null || body.mfaCode().isBlank()) {
                throw new ApiException(ErrorCode.MFA_REQUIRED, "this account requires a second-factor code",
                        List.of(new FieldProblem("mfaCode", "is required for this account")),
                        "send the login again with mfaCode (the authenticator's code or a recovery code)");
            }
            if (!factor.verify(user.id(), body.mfaCode().trim())) {
                countFailure(user, now);
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "the second-factor code is wrong");
            }
        }
        String tenant = body.tenant();
        if (body.inviteToken() != null && !body.inviteToken().isBlank()) {
            tenant = invites.accept(body.inviteToken(), user.id(), null, http).tenantId();
        }
        Membership membership = choose(user.id(), tenant);
        users.clearFailures(user.id());
        if (passwords.needsUpgrade(user.passwordHash())) {
            users.updatePasswordHash(user.id(), passwords.hash(body.password()));
        }
        Sessions.Started started = sessions.start(user.id(), membership.tenantId());
        return answer(user, membership, started.session().id(), started.refreshToken());
    }

    TokenResponse refresh(String refreshToken) {
        return switch (sessions.rotate(refreshToken)) {
            case Sessions.Rotation.Invalid invalid -> throw new ApiException(ErrorCode.UNAUTHENTICATED,
                    "the refresh token is not valid (unknown, expired, or its session has ended)", List.of(),
                    "log in again");
            case Sessions.Rotation.Reused reused -> throw new ApiException(ErrorCode.REFRESH_TOKEN_REUSED,
                    "this refresh token had already been used: its session is now revoked", List.of(),
                    "log in again; if you did not use this token twice, someone else may have a copy of it");
            case Sessions.Rotation.Rotated rotated -> {
                var session = rotated.session();
                Optional<UserRow> user = users.findById(session.userId()).filter(u -> u.disabledAt() == null);
                var role = memberships.roleIn(session.tenantId(), session.userId());
                if (user.isEmpty() || role.isEmpty()) {
                    sessions.revoke(session.id(), "membership ended");
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "this session's membership has ended",
                            List.of(), "log in again");
                }
                yield answer(user.get(), new Membership(session.tenantId(), role.get()), session.id(),
                        rotated.refreshToken());
            }
        };
    }

    /** The role's scopes, plus system:admin for system administrators. */
    static List<String> scopesOf(UserRow user, Membership membership) {
        List<String> scopes = new ArrayList<>(membership.role().scopes());
        if (user.systemAdmin()) scopes.add(Scopes.SYSTEM_ADMIN);
        return scopes;
    }

    private TokenResponse answer(UserRow user, Membership membership, UUID sessionId, String refreshToken) {
        AccessTokens.Issued issued = tokens.issue(user.id(), membership.tenantId(), sessionId,
                scopesOf(user, membership));
        return new TokenResponse(issued.token(), "Bearer", tokens.ttl().toSeconds(), refreshToken, sessionId,
                membership.tenantId(), issued.scopes());
    }

    private Membership choose(UUID userId, String tenant) {
        List<Membership> memberships = this.memberships.memberships(userId);
        if (tenant != null && !tenant.isBlank()) {
            return memberships.stream().filter(m -> m.tenantId().equals(tenant.trim())).findFirst()
                    .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "no membership in tenant " + tenant.trim(),
                            List.of(), "log in without tenant to use your only tenant, or name one you belong to"));
        }
        if (memberships.isEmpty()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "this account is not a member of any tenant yet", List.of(),
                    "ask a tenant administrator for an invite");
        }
        if (memberships.size() > 1) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "this account belongs to several tenants",
                    List.of(new FieldProblem("tenant", "is required: name the tenant to log in to")), null);
        }
        return memberships.getFirst();
    }

    private void countFailure(UserRow user, Instant now) {
        UserRow after = users.recordFailure(user.id(), now, settings.lockoutMaxFailures(),
                now.plus(settings.lockoutDuration()));
        if (after.lockedAt(now)) throw locked(after.lockedUntil(), now);
    }

    private static void requireCredentials(LoginBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || body.email() == null || body.email().isBlank()) problems.add(new FieldProblem("email", "is required"));
        if (body == null || body.password() == null || body.password().isEmpty()) problems.add(new FieldProblem("password", "is required"));
        if (!problems.isEmpty()) throw ApiException.validation(problems);
    }

    private static ApiException badCredentials() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "the email or the password is wrong");
    }

    private static AccountLocked locked(Instant until, Instant now) {
        return new AccountLocked(Math.max(1, Duration.between(now, until).toSeconds() + 1));
    }
}
