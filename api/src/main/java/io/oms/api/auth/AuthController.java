package io.oms.api.auth;

import io.oms.api.auth.AuthBodies.LoginBody;
import io.oms.api.auth.AuthBodies.MeResource;
import io.oms.api.auth.AuthBodies.RefreshBody;
import io.oms.api.auth.AuthBodies.RegisterBody;
import io.oms.api.auth.AuthBodies.TokenResponse;
import io.oms.api.auth.AuthBodies.UserResource;
import io.oms.api.error.ApiException;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.identity.UserRow;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Register, log in, refresh, log out, and who am I. */
@ApiRole
@RestController
public class AuthController {
    private final Registration registration;
    private final LoginFlow login;
    private final SignedInSessions sessions;
    private final UserRepository users;
    private final MembershipRepository memberships;

    AuthController(Registration registration, LoginFlow login, SignedInSessions sessions, UserRepository users,
                   MembershipRepository memberships) {
        this.memberships = memberships;
        this.registration = registration;
        this.login = login;
        this.sessions = sessions;
        this.users = users;
    }

    @PostMapping("/api/v1/auth/register")
    ResponseEntity<UserResource> register(@RequestBody RegisterBody body) {
        UserResource user = registration.register(body);
        return ResponseEntity.created(URI.create("/api/v1/auth/me")).body(user);
    }

    @PostMapping("/api/v1/auth/login")
    ResponseEntity<TokenResponse> login(@RequestBody LoginBody body, HttpServletRequest http) {
        return noStore(login.login(body, http));
    }

    @PostMapping("/api/v1/auth/refresh")
    ResponseEntity<TokenResponse> refresh(@RequestBody RefreshBody body) {
        return noStore(login.refresh(body == null ? null : body.refreshToken()));
    }

    /** Ends the session the access token belongs to: its refresh tokens and access tokens stop working. */
    @PostMapping("/api/v1/auth/logout")
    ResponseEntity<Void> logout(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                                HttpServletRequest request) {
        sessions.revoke(principal, SignedInSessions.requireSession(principal), "logout", request);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/auth/me")
    MeResource me(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal) {
        SignedInSessions.requireSession(principal);
        UserRow user = users.findById(principal.userId())
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED, "this user no longer exists"));
        String role = memberships.roleIn(principal.tenantId(), user.id()).map(Enum::name).orElse(null);
        return new MeResource(user.id(), user.email(), user.displayName(), user.systemAdmin(), principal.tenantId(),
                role, principal.scopes(), principal.sessionId());
    }

    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(tokens);
    }
}
