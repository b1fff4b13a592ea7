package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.oms.infra.identity.Role;
import io.oms.infra.identity.mfa.TotpCodes;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A user enrols TOTP with their access token; from then on login needs a current code (or a recovery code, once),
 * a wrong one counts as a failed login, and an enrolled user's token can still trade.
 */
class SecondFactorLoginEndToEndTest extends EndToEndTest {
    private final TotpCodes totp = new TotpCodes(Clock.systemUTC());

    @Test
    void enrolledUserLogsInOnlyWithACurrentCodeOrAnUnusedRecoveryCode() {
        TestUsers users = new TestUsers(context(), api);
        TestUsers.User user = users.create(Role.TRADER, "demo");
        ApiClient signedIn = users.as(users.loggedIn(user, null));

        ApiClient.Response enrolled = signedIn.post("/api/v1/auth/mfa/totp/enrol", "");
        assertThat(enrolled.status()).isEqualTo(200);
        String secret = enrolled.text("secret");
        ApiClient.Response confirmed = signedIn.post("/api/v1/auth/mfa/totp/confirm",
                "{\"code\":\"" + totp.codeAt(secret, Instant.now()) + "\"}");
        assertThat(confirmed.status()).isEqualTo(200);
        String recovery = confirmed.body().path("recoveryCodes").get(0).asString();

        ApiClient.Response withoutCode = users.login(user.email(), TestUsers.PASSWORD, null);
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.text("code")).isEqualTo("MFA_REQUIRED");
        assertThat(withoutCode.text("accessToken")).isNull();

        ApiClient.Response wrongCode = loginWithCode(users, user, "000000");
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.text("code")).isEqualTo("UNAUTHENTICATED");

        // The confirming code's step is used up; the next step's code is within the accepted window.
        ApiClient.Response withCode = loginWithCode(users, user, totp.codeAt(secret, Instant.now().plusSeconds(30)));
        assertThat(withCode.status()).as("%s", withCode.body()).isEqualTo(200);
        ApiClient trader = users.as(withCode);
        assertThat(trader.post("/api/v1/orders", order(uniqueId("mfa"), "AAPL", "BUY", "LMT", "1", "1.00")).status())
                .isEqualTo(201);

        assertThat(loginWithCode(users, user, recovery).status()).isEqualTo(200);
        assertThat(loginWithCode(users, user, recovery).status()).as("a recovery code works once").isEqualTo(401);
    }

    @Test
    void apiKeysCannotManageSecondFactors() {
        ApiClient.Response answer = api.post("/api/v1/auth/mfa/totp/enrol", "");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text("code")).isEqualTo("FORBIDDEN");
    }

    private static ApiClient.Response loginWithCode(TestUsers users, TestUsers.User user, String code) {
        return users.anonymous().post("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\""
                + TestUsers.PASSWORD + "\",\"mfaCode\":\"" + code + "\"}");
    }
}
