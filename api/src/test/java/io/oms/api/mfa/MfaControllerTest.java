package io.oms.api.mfa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.*;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.*;

import io.oms.api.audit.CommandAudit;
import io.oms.api.error.ApiErrorHandler;
import io.oms.api.security.BearerAuthentication;
import io.oms.ib.sim.ManualClock;
import io.oms.infra.config.AuditProperties;
import io.oms.infra.crypto.LocalMasterKeys;
import io.oms.infra.crypto.SecretSealer;
import io.oms.infra.identity.Scopes;
import io.oms.infra.identity.mfa.*;
import io.oms.infra.persistence.AuditRepository;
import io.oms.infra.security.ApiPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The MFA endpoints' answers and errors, called with a signed-in user's principal as the bearer filter sets it. */
class MfaControllerTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final JdbcClient jdbc = JdbcClient.create(MfaTestDatabase.get());
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final TotpCodes totp = new TotpCodes(clock);
    private final MockMvc mvc;
    private final String tenant = "t-mfa-" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID user = UUID.randomUUID();
    private final ApiPrincipal signedIn = ApiPrincipal.ofUser(tenant, user, UUID.randomUUID(), List.of(Scopes.AUTH_LOGIN));

    MfaControllerTest() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var sealer = new SecretSealer(new LocalMasterKeys("k1", Map.of("k1", key)));
        var repository = new MfaRepository(jdbc);
        var recoveryCodes = new RecoveryCodes();
        var secondFactor = new TotpSecondFactor(repository, sealer, totp, recoveryCodes, clock);
        var tx = new TransactionTemplate(new DataSourceTransactionManager(MfaTestDatabase.get()));
        var enrolment = new TotpEnrolment(tx, repository, sealer, totp, recoveryCodes, secondFactor);
        var audit = new CommandAudit(new AuditRepository(jdbc), new AuditProperties(List.of()), json);
        mvc = MockMvcBuilders.standaloneSetup(new MfaController(enrolment, audit, clock))
                .setControllerAdvice(new ApiErrorHandler(new io.oms.api.error.EnvelopeWriter(json))).build();
        jdbc.sql("INSERT INTO tenants (id, name) VALUES (:id, :id)").param("id", tenant).update();
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (:id, :e, '{noop}unused')")
                .param("id", user).param("e", "ann-" + user + "@example.com").update();
    }

    @Test
    void enrolConfirmStatusAndDisableAnswerAsDocumented() throws Exception {
        String secret = enrol();
        mvc.perform(as(signedIn, get("/api/v1/auth/mfa")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enrolled").value(false)).andExpect(jsonPath("$.pending").value(true));

        JsonNode confirmed = body(mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code(codeNow(secret))))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.recoveryCodes", hasSize(10))));
        String recovery = confirmed.get("recoveryCodes").get(0).asString();
        mvc.perform(as(signedIn, get("/api/v1/auth/mfa")))
                .andExpect(jsonPath("$.enrolled").value(true)).andExpect(jsonPath("$.pending").value(false))
                .andExpect(jsonPath("$.recoveryCodesRemaining").value(10)).andExpect(jsonPath("$.confirmedAt").isNotEmpty());

        mvc.perform(as(signedIn, delete("/api/v1/auth/mfa")).content(code(recovery))).andExpect(status().isNoContent());
        mvc.perform(as(signedIn, get("/api/v1/auth/mfa"))).andExpect(jsonPath("$.enrolled").value(false))
                .andExpect(jsonPath("$.pending").value(false));

        var audited = jdbc.sql("SELECT action, coalesce(after::text, '') FROM audit_log WHERE tenant_id = :t ORDER BY id")
                .param("t", tenant).query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
        assertThat(audited).extracting(a -> a.split(" ")[0])
                .containsExactly("mfa.totp.enrol", "mfa.totp.confirm", "mfa.disable");
        assertThat(String.join("\n", audited)).doesNotContain(secret).doesNotContain(recovery);
    }

    @Test
    void anApiKeyIsRefusedEvenWhenAUserOwnsIt() throws Exception {
        var ownerless = new ApiPrincipal(tenant, UUID.randomUUID(), List.of(Scopes.ALL));
        var owned = new ApiPrincipal(tenant, UUID.randomUUID(), user, null, List.of(Scopes.ALL));
        for (ApiPrincipal key : List.of(ownerless, owned)) {
            mvc.perform(as(key, post("/api/v1/auth/mfa/totp/enrol"))).andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("FORBIDDEN"))
                    .andExpect(jsonPath("$.message").value(containsString("not with an API key")));
            mvc.perform(as(key, get("/api/v1/auth/mfa"))).andExpect(status().isForbidden());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM user_totp WHERE user_id = :u").param("u", user).query(Integer.class).single()).isZero();
    }

    @Test
    void wrongMissingAndOutOfOrderCodesAnswerTheirErrors() throws Exception {
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code("123456")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STATE_CONFLICT"));
        String secret = enrol();
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code(wrongCode(secret))))
                .andExpect(status().is(422)).andExpect(jsonPath("$.code").value("MFA_CODE_INVALID"));
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("VALIDATION_ERROR"))
                .andExpect(jsonPath("$.details[0].field").value("code"));
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/recovery-codes")).content(code("123456")))
                .andExpect(status().isConflict());
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code(codeNow(secret)))).andExpect(status().isOk());
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/enrol"))).andExpect(status().isConflict())
                .andExpect(jsonPath("$.hint").value(containsString("DELETE /api/v1/auth/mfa")));
        mvc.perform(as(signedIn, delete("/api/v1/auth/mfa"))).andExpect(status().isBadRequest());
    }

    @Test
    void regeneratingRecoveryCodesTakesATotpCodeNotARecoveryCode() throws Exception {
        String secret = enrol();
        JsonNode first = body(mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code(codeNow(secret)))));
        clock.advance(Duration.ofSeconds(30));
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/recovery-codes")).content(code(first.get("recoveryCodes").get(0).asString())))
                .andExpect(status().is(422));
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/recovery-codes")).content(code(codeNow(secret))))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.recoveryCodes", hasSize(10)))
                .andExpect(jsonPath("$.recoveryCodes", not(hasItem(first.get("recoveryCodes").get(0).asString()))));
    }

    @Test
    void tooManyWrongCodesAnswer429WithRetryAfter() throws Exception {
        String secret = enrol();
        mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/confirm")).content(code(codeNow(secret)))).andExpect(status().isOk());
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < TotpSecondFactor.MAX_FAILURES; i++) {
            mvc.perform(as(signedIn, delete("/api/v1/auth/mfa")).content(code(wrongCode(secret)))).andExpect(status().is(422));
        }
        mvc.perform(as(signedIn, delete("/api/v1/auth/mfa")).content(code(codeNow(secret))))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("RATE_LIMITED"))
                .andExpect(header().string("Retry-After", String.valueOf(TotpSecondFactor.LOCKOUT.toSeconds())));
        mvc.perform(as(signedIn, get("/api/v1/auth/mfa"))).andExpect(jsonPath("$.enrolled").value(true))
                .andExpect(jsonPath("$.lockedUntil").isNotEmpty());
    }

    private String enrol() throws Exception {
        JsonNode started = body(mvc.perform(as(signedIn, post("/api/v1/auth/mfa/totp/enrol")))
                .andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(jsonPath("$.otpauthUri", startsWith("otpauth://totp/")))
                .andExpect(jsonPath("$.issuer").value("OMS")).andExpect(jsonPath("$.account").value("ann-" + user + "@example.com"))
                .andExpect(jsonPath("$.digits").value(6)).andExpect(jsonPath("$.period").value(30)));
        return started.get("secret").asString();
    }

    private static MockHttpServletRequestBuilder as(ApiPrincipal principal, MockHttpServletRequestBuilder request) {
        return request.requestAttr(BearerAuthentication.PRINCIPAL, principal).contentType(MediaType.APPLICATION_JSON);
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private String code(String code) {
        return json.writeValueAsString(Map.of("code", code));
    }

    private String codeNow(String secret) {
        return totp.codeAt(secret, clock.instant());
    }

    private String wrongCode(String secret) {
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean inWindow = false;
            for (int s = -1; s <= 1; s++) inWindow |= code.equals(totp.codeAt(secret, clock.instant().plusSeconds(30L * s)));
            if (!inWindow) return code;
        }
    }
}
