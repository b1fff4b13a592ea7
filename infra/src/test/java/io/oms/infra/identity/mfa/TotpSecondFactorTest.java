package io.oms.infra.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TotpSecondFactorTest {
    private final MfaFixture f = new MfaFixture();

    @Test
    void acceptsTheCurrentCodeOfAConfirmedSecret() {
        var u = f.enrolledUser();
        assertThat(f.secondFactor.enrolled(u.user())).isTrue();
        assertThat(f.secondFactor.verify(u.user(), f.codeNow(u.secret()))).isTrue();
    }

    @Test
    void acceptsCodesOneStepEitherSideButNotTwo() {
        var u = f.enrolledUser();
        f.clock.advance(Duration.ofMinutes(10));
        var now = f.clock.instant();
        String twoBack = f.totp.codeAt(u.secret(), now.minusSeconds(60));
        String oneBack = f.totp.codeAt(u.secret(), now.minusSeconds(30));
        String oneAhead = f.totp.codeAt(u.secret(), now.plusSeconds(30));
        String current = f.codeNow(u.secret());
        if (!twoBack.equals(oneBack) && !twoBack.equals(current) && !twoBack.equals(oneAhead)) {
            assertThat(f.secondFactor.verify(u.user(), twoBack)).isFalse();
        }
        assertThat(f.secondFactor.verify(u.user(), oneBack)).isTrue();
        f.clock.advance(Duration.ofMinutes(10));
        assertThat(f.secondFactor.verify(u.user(), f.totp.codeAt(u.secret(), f.clock.instant().plusSeconds(30)))).isTrue();
    }

    @Test
    void refusesAWrongOrMalformedCode() {
        var u = f.enrolledUser();
        String right = f.codeNow(u.secret());
        String wrong = wrongCode(u);
        assertThat(f.secondFactor.verify(u.user(), wrong)).isFalse();
        assertThat(f.secondFactor.verify(u.user(), "")).isFalse();
        assertThat(f.secondFactor.verify(u.user(), null)).isFalse();
        assertThat(f.secondFactor.verify(u.user(), right + "0")).isFalse();
        assertThat(f.secondFactor.verify(u.user(), right)).isTrue(); // the failures did not use it up
    }

    @Test
    void refusesACodeAlreadyUsedInItsTimeStep() {
        var u = f.enrolledUser();
        String code = f.codeNow(u.secret());
        assertThat(f.secondFactor.verify(u.user(), code)).isTrue();
        assertThat(f.secondFactor.verify(u.user(), code)).isFalse();
        f.clock.advance(Duration.ofSeconds(10)); // same step
        assertThat(f.secondFactor.verify(u.user(), code)).isFalse();
        f.nextStep(); // still inside the window, but its step is used
        assertThat(f.secondFactor.verify(u.user(), code)).isFalse();
        assertThat(f.secondFactor.verify(u.user(), f.codeNow(u.secret()))).isTrue();
    }

    @Test
    void refusesAnEarlierStepsCodeOnceALaterOneWasUsed() {
        var u = f.enrolledUser();
        String previous = f.codeNow(u.secret());
        f.nextStep();
        String current = f.codeNow(u.secret());
        assertThat(f.secondFactor.verify(u.user(), current)).isTrue();
        if (!previous.equals(current)) assertThat(f.secondFactor.verify(u.user(), previous)).isFalse();
    }

    @Test
    void theConfirmingCodeCannotBeReplayedAtLogin() {
        UUID user = f.newUser();
        String secret = f.enrolment.enrol(user).secret();
        String code = f.codeNow(secret);
        f.enrolment.confirm(user, code);
        assertThat(f.secondFactor.verify(user, code)).isFalse();
    }

    @Test
    void aPendingSecretIsNotASecondFactor() {
        UUID user = f.newUser();
        String secret = f.enrolment.enrol(user).secret();
        assertThat(f.secondFactor.enrolled(user)).isFalse();
        assertThat(f.secondFactor.verify(user, f.codeNow(secret))).isFalse();
        assertThat(f.secondFactor.enrolled(UUID.randomUUID())).isFalse();
        assertThat(f.secondFactor.verify(UUID.randomUUID(), "123456")).isFalse();
    }

    @Test
    void tenWrongCodesInARowLockEveryCodeOutForFifteenMinutes() {
        var u = f.enrolledUser();
        for (int i = 0; i < TotpSecondFactor.MAX_FAILURES; i++) {
            assertThat(f.secondFactor.verify(u.user(), wrongCode(u))).isFalse();
        }
        assertThat(f.secondFactor.lockedUntil(u.user())).contains(f.clock.instant().plus(TotpSecondFactor.LOCKOUT));
        assertThat(f.secondFactor.verify(u.user(), f.codeNow(u.secret()))).isFalse();
        assertThat(f.secondFactor.verify(u.user(), u.recoveryCodes().get(0))).isFalse();
        assertThat(f.enrolment.status(u.user()).recoveryCodesRemaining()).isEqualTo(10); // not used up while locked
        f.clock.advance(TotpSecondFactor.LOCKOUT);
        assertThat(f.secondFactor.lockedUntil(u.user())).isEmpty();
        assertThat(f.secondFactor.verify(u.user(), f.codeNow(u.secret()))).isTrue();
    }

    @Test
    void anAcceptedCodeResetsTheCountOfWrongOnes() {
        var u = f.enrolledUser();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < TotpSecondFactor.MAX_FAILURES - 1; i++) f.secondFactor.verify(u.user(), wrongCode(u));
            f.nextStep();
            assertThat(f.secondFactor.verify(u.user(), f.codeNow(u.secret()))).isTrue();
        }
        for (int i = 0; i < TotpSecondFactor.MAX_FAILURES - 1; i++) f.secondFactor.verify(u.user(), wrongCode(u));
        assertThat(f.secondFactor.verify(u.user(), u.recoveryCodes().get(0))).isTrue();
        assertThat(f.secondFactor.lockedUntil(u.user())).isEmpty();
    }

    /** A code that none of the window's steps has. */
    private String wrongCode(MfaFixture.Enrolled u) {
        var now = f.clock.instant();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean inWindow = false;
            for (int s = -1; s <= 1; s++) inWindow |= code.equals(f.totp.codeAt(u.secret(), now.plusSeconds(30L * s)));
            if (!inWindow) return code;
        }
    }

    @Test
    void aRecoveryCodeWorksOnceInAnySpelling() {
        var u = f.enrolledUser();
        String code = u.recoveryCodes().get(0);
        assertThat(f.secondFactor.verify(u.user(), " " + code.toUpperCase().replace("-", "") + " ")).isTrue();
        assertThat(f.secondFactor.verify(u.user(), code)).isFalse();
        assertThat(f.enrolment.status(u.user()).recoveryCodesRemaining()).isEqualTo(9);
        assertThat(f.secondFactor.verify(u.user(), u.recoveryCodes().get(1))).isTrue();
        assertThat(f.secondFactor.verify(u.user(), "abcd-efgh-jkmn")).isFalse();
    }

    @Test
    void anotherUsersRecoveryCodeDoesNotWork() {
        var a = f.enrolledUser();
        var b = f.enrolledUser();
        assertThat(f.secondFactor.verify(b.user(), a.recoveryCodes().get(0))).isFalse();
        assertThat(f.secondFactor.verify(a.user(), a.recoveryCodes().get(0))).isTrue();
    }

    @Test
    void concurrentUsesOfOneRecoveryCodeAcceptExactlyOne() throws Exception {
        assertExactlyOneOf(8, f.enrolledUser(), u -> u.recoveryCodes().get(0));
    }

    @Test
    void concurrentUsesOfOneTotpCodeAcceptExactlyOne() throws Exception {
        assertExactlyOneOf(8, f.enrolledUser(), u -> f.codeNow(u.secret()));
    }

    private void assertExactlyOneOf(int attempts, MfaFixture.Enrolled u,
                                    java.util.function.Function<MfaFixture.Enrolled, String> code) throws Exception {
        String shared = code.apply(u);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return f.secondFactor.verify(u.user(), shared);
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> r : results) if (r.get(30, TimeUnit.SECONDS)) accepted++;
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
