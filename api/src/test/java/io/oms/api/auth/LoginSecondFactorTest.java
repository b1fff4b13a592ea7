package io.oms.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.oms.api.auth.AuthBodies.LoginBody;
import io.oms.api.error.ApiException;
import io.oms.infra.identity.AccessTokens;
import io.oms.infra.identity.IdentityProperties;
import io.oms.infra.identity.Membership;
import io.oms.infra.identity.MembershipRepository;
import io.oms.infra.identity.Passwords;
import io.oms.infra.identity.Role;
import io.oms.infra.identity.SecondFactor;
import io.oms.infra.identity.SessionRow;
import io.oms.infra.identity.Sessions;
import io.oms.infra.identity.UserRepository;
import io.oms.infra.identity.UserRow;
import io.oms.workflows.domain.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * Login with a second factor (the MFA area's {@link SecondFactor}, stubbed here): once enrolled, a login without a
 * code answers MFA_REQUIRED, a wrong code counts as a failure, the right one logs in; without a SecondFactor bean
 * (this branch alone) or when not enrolled, the password is enough.
 */
class LoginSecondFactorTest {
    private static final String PASSWORD = "Sturdy-Test-Passphrase-9";
    private static final Passwords PASSWORDS = new Passwords();
    private static final String HASH = PASSWORDS.hash(PASSWORD);

    private final UUID userId = UUID.randomUUID();
    private final UserRow user = new UserRow(userId, "mfa@example.com", null, HASH, false, Instant.EPOCH, null, 0, null);
    private final UserRepository users = mock(UserRepository.class);
    private final MembershipRepository memberships = mock(MembershipRepository.class);
    private final Sessions sessions = mock(Sessions.class);
    private final AccessTokens tokens = mock(AccessTokens.class);

    /** A TOTP stand-in: enrolled or not, accepting the code "123456". */
    private record FakeFactor(boolean enrolled) implements SecondFactor {
        public boolean enrolled(UUID id) { return enrolled; }
        public boolean verify(UUID id, String code) { return "123456".equals(code); }
    }

    private LoginFlow flow(SecondFactor factor) {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        if (factor != null) beans.registerSingleton("secondFactor", factor);
        when(users.findByEmail("mfa@example.com")).thenReturn(Optional.of(user));
        when(memberships.memberships(userId)).thenReturn(List.of(new Membership("t1", Role.TRADER)));
        when(users.recordFailure(eq(userId), any(), anyInt(), any())).thenReturn(user);
        Instant now = Instant.now();
        when(sessions.start(userId, "t1")).thenReturn(new Sessions.Started(
                new SessionRow(UUID.randomUUID(), userId, "t1", now, now, now, null, null), "refresh"));
        when(tokens.issue(eq(userId), eq("t1"), any(), any()))
                .thenReturn(new AccessTokens.Issued("jwt", now, List.of("orders:view")));
        when(tokens.ttl()).thenReturn(java.time.Duration.ofMinutes(15));
        return new LoginFlow(users, memberships, PASSWORDS, sessions, tokens, beans.getBeanProvider(SecondFactor.class),
                IdentityProperties.defaults(), null, Clock.systemUTC());
    }

    private static LoginBody login(String code) {
        return new LoginBody("mfa@example.com", PASSWORD, null, code, null);
    }

    @Test
    void anEnrolledUserWithoutACodeIsAskedForOneAndNoFailureIsCounted() {
        LoginFlow flow = flow(new FakeFactor(true));
        assertThatThrownBy(() -> flow.login(login(null), null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MFA_REQUIRED));
        verify(users, never()).recordFailure(any(), any(), anyInt(), any());
        verify(sessions, never()).start(any(), any());
    }

    @Test
    void aWrongCodeCountsAsAFailedLogin() {
        LoginFlow flow = flow(new FakeFactor(true));
        assertThatThrownBy(() -> flow.login(login("000000"), null)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
        verify(users).recordFailure(eq(userId), any(), eq(5), any());
        verify(sessions, never()).start(any(), any());
    }

    @Test
    void theRightCodeLogsIn() {
        assertThat(flow(new FakeFactor(true)).login(login("123456"), null).accessToken()).isEqualTo("jwt");
        verify(users).clearFailures(userId);
    }

    @Test
    void withoutEnrolmentOrWithoutASecondFactorThePasswordIsEnough() {
        assertThat(flow(new FakeFactor(false)).login(login(null), null).tenant()).isEqualTo("t1");
        assertThat(flow(null).login(login(null), null).tenant()).isEqualTo("t1");
    }
}
