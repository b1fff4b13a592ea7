package io.oms.infra.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.identity.mfa.MfaRefusal.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TotpEnrolmentTest {
    private final MfaFixture f = new MfaFixture();

    @Test
    void enrolAnswersAnOtpauthUriForTheUsersEmailAndLeavesItPending() {
        UUID user = f.newUser();
        var started = f.enrolment.enrol(user);
        assertThat(started.secret()).matches("[A-Z2-7]{32}");
        String uri = URLDecoder.decode(started.otpauthUri(), StandardCharsets.UTF_8);
        assertThat(uri).startsWith("otpauth://totp/").contains("u-" + user + "@example.com")
                .contains("secret=" + started.secret()).contains("issuer=OMS").contains("digits=6").contains("period=30");
        assertThat(f.enrolment.status(user)).isEqualTo(new TotpEnrolment.Status(false, true, null, 0, null));
        assertThat(f.secondFactor.enrolled(user)).isFalse();
    }

    @Test
    void secretIsStoredSealedToItsUserNeverInClear() {
        UUID user = f.newUser();
        String secret = f.enrolment.enrol(user).secret();
        String stored = f.db.jdbc.sql("SELECT secret_sealed FROM user_totp WHERE user_id = :u").param("u", user)
                .query(String.class).single();
        assertThat(stored).startsWith("v1.k1.").doesNotContain(secret).doesNotContain(secret.toLowerCase());
        assertThat(f.sealer.openString(stored, "totp:" + user)).isEqualTo(secret);
        assertThatThrownBy(() -> f.sealer.open(stored, "totp:" + UUID.randomUUID())).isNotNull();
    }

    @Test
    void confirmWithACurrentCodeEnablesItAndAnswersTenSingleUseRecoveryCodes() {
        UUID user = f.newUser();
        String secret = f.enrolment.enrol(user).secret();
        var codes = f.enrolment.confirm(user, f.codeNow(secret));
        assertThat(codes).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"));
        var status = f.enrolment.status(user);
        assertThat(status.enrolled()).isTrue();
        assertThat(status.pending()).isFalse();
        assertThat(status.recoveryCodesRemaining()).isEqualTo(10);
        assertThat(f.secondFactor.enrolled(user)).isTrue();
        var hashes = f.db.jdbc.sql("SELECT code_hash FROM user_recovery_codes WHERE user_id = :u").param("u", user)
                .query(String.class).list();
        assertThat(hashes).hasSize(10).noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c) || h.contains(c.replace("-", ""))));
    }

    @Test
    void confirmRefusesAWrongOrMalformedCodeAndStaysPending() {
        UUID user = f.newUser();
        String secret = f.enrolment.enrol(user).secret();
        String wrong = f.codeNow(secret).equals("000000") ? "111111" : "000000";
        refused(() -> f.enrolment.confirm(user, wrong), Reason.INVALID_CODE);
        refused(() -> f.enrolment.confirm(user, "12ab56"), Reason.INVALID_CODE);
        refused(() -> f.enrolment.confirm(user, null), Reason.CODE_REQUIRED);
        refused(() -> f.enrolment.confirm(user, " "), Reason.CODE_REQUIRED);
        assertThat(f.enrolment.status(user).pending()).isTrue();
    }

    @Test
    void confirmWithoutEnrolmentOrTwiceIsAConflict() {
        UUID user = f.newUser();
        refused(() -> f.enrolment.confirm(user, "123456"), Reason.NOTHING_PENDING);
        var enrolled = f.enrolledUser();
        refused(() -> f.enrolment.confirm(enrolled.user(), f.codeNow(enrolled.secret())), Reason.ALREADY_ENROLLED);
    }

    @Test
    void reEnrollingWhilePendingReplacesTheSecretAndWhileConfirmedIsRefused() {
        UUID user = f.newUser();
        String first = f.enrolment.enrol(user).secret();
        String second = f.enrolment.enrol(user).secret();
        assertThat(second).isNotEqualTo(first);
        String firstCode = f.codeNow(first);
        if (!firstCode.equals(f.codeNow(second))) {
            refused(() -> f.enrolment.confirm(user, firstCode), Reason.INVALID_CODE);
        }
        f.enrolment.confirm(user, f.codeNow(second));
        refused(() -> f.enrolment.enrol(user), Reason.ALREADY_ENROLLED);
    }

    @Test
    void enrolRefusesAnUnknownUser() {
        refused(() -> f.enrolment.enrol(UUID.randomUUID()), Reason.UNKNOWN_USER);
    }

    @Test
    void regeneratingRecoveryCodesNeedsACurrentTotpCodeAndInvalidatesTheOldOnes() {
        var u = f.enrolledUser();
        refused(() -> f.enrolment.regenerateRecoveryCodes(u.user(), u.recoveryCodes().get(0)), Reason.INVALID_CODE);
        var fresh = f.enrolment.regenerateRecoveryCodes(u.user(), f.codeNow(u.secret()));
        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(u.recoveryCodes());
        assertThat(f.secondFactor.verify(u.user(), u.recoveryCodes().get(1))).isFalse();
        assertThat(f.secondFactor.verify(u.user(), fresh.get(0))).isTrue();
        assertThat(f.enrolment.status(u.user()).recoveryCodesRemaining()).isEqualTo(9);
    }

    @Test
    void regeneratingWithoutEnrolmentIsRefused() {
        UUID user = f.newUser();
        refused(() -> f.enrolment.regenerateRecoveryCodes(user, "123456"), Reason.NOT_ENROLLED);
    }

    @Test
    void disableNeedsACurrentCodeOrARecoveryCodeAndRemovesEverything() {
        var u = f.enrolledUser();
        refused(() -> f.enrolment.disable(u.user(), null), Reason.CODE_REQUIRED);
        refused(() -> f.enrolment.disable(u.user(), "not-a-code"), Reason.INVALID_CODE);
        assertThat(f.secondFactor.enrolled(u.user())).isTrue();
        f.enrolment.disable(u.user(), u.recoveryCodes().get(3));
        assertThat(f.secondFactor.enrolled(u.user())).isFalse();
        assertThat(f.enrolment.status(u.user())).isEqualTo(new TotpEnrolment.Status(false, false, null, 0, null));
        assertThat(f.db.jdbc.sql("SELECT count(*) FROM user_recovery_codes WHERE user_id = :u").param("u", u.user())
                .query(Integer.class).single()).isZero();
        refused(() -> f.enrolment.disable(u.user(), "123456"), Reason.NOT_ENROLLED);
    }

    @Test
    void disableWithATotpCodeWorksAndAPendingEnrolmentIsDiscardedWithoutOne() {
        var u = f.enrolledUser();
        f.enrolment.disable(u.user(), f.codeNow(u.secret()));
        assertThat(f.secondFactor.enrolled(u.user())).isFalse();
        f.enrolment.enrol(u.user());
        f.enrolment.disable(u.user(), null);
        assertThat(f.enrolment.status(u.user()).pending()).isFalse();
    }

    @Test
    void changesAreRefusedWhileWrongCodesLockTheSecondFactorOut() {
        var u = f.enrolledUser();
        for (int i = 0; i < TotpSecondFactor.MAX_FAILURES; i++) f.secondFactor.verify(u.user(), "abcd-abcd-abcd");
        var until = f.clock.instant().plus(TotpSecondFactor.LOCKOUT);
        assertThatThrownBy(() -> f.enrolment.disable(u.user(), f.codeNow(u.secret())))
                .isInstanceOfSatisfying(MfaRefusal.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LOCKED);
                    assertThat(e.retryAt()).isEqualTo(until);
                });
        refused(() -> f.enrolment.regenerateRecoveryCodes(u.user(), f.codeNow(u.secret())), Reason.LOCKED);
        assertThat(f.enrolment.status(u.user()).lockedUntil()).isEqualTo(until);
        assertThat(f.secondFactor.enrolled(u.user())).isTrue();
    }

    private static void refused(ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MfaRefusal.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
