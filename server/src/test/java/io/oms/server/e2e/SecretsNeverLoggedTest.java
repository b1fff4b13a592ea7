package io.oms.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

/**
 * Real requests carrying API keys, access tokens and passwords, in headers and bodies, on happy and unhappy paths,
 * with the application's and Spring's web and security loggers turned up to DEBUG (as an operator hunting a bug would):
 * none of the secrets may reach the log. The loggers that print URLs and bodies are pinned to INFO in
 * application.yml; this test fails if that pinning goes.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedTest extends EndToEndTest {
    private static final List<String> LOUD = List.of("io.oms", "org.springframework.web", "org.springframework.security");
    private static final String WRONG_KEY_SECRET = "WrongSecretPart0123456789abcdefX";
    private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ0b2tlbi1zZWNyZXQifQ.c2lnbmF0dXJlLXNlY3JldA";
    private static final String PASSWORD = "Correct-Horse-Battery-Staple-7319";

    @Autowired
    LoggingSystem logging;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void loud() {
        LOUD.forEach(name -> logging.setLogLevel(name, LogLevel.DEBUG));
    }

    @AfterEach
    void quiet() {
        LOUD.forEach(name -> logging.setLogLevel(name, null));
    }

    @Test
    void requestsWithCredentialsAndPasswordsLeaveNoSecretInTheLog(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        String login = "{\"email\":\"someone@example.com\",\"password\":\"" + PASSWORD + "\"}";
        String wrongKey = "oms_wrongkey_" + WRONG_KEY_SECRET;

        assertThat(api.get("/api/v1/orders").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/orders", "{\"password\":\"" + PASSWORD + "\"").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/orders", "{\"account\":\"" + PASSWORD + "\",\"symbol\":\"AAPL\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/no-such-thing?token=" + TOKEN).status()).isEqualTo(404);
        raw.json("POST", "/api/v1/auth/login", login);
        raw.json("POST", "/api/v1/auth/register", login);
        raw.json("POST", "/api/v1/auth/refresh", "{\"refresh_token\":\"" + TOKEN + "\"}");
        assertThat(raw.get("/api/v1/orders", "Authorization", "Bearer " + wrongKey).status()).isEqualTo(401);
        assertThat(raw.get("/api/v1/orders", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(401);
        assertThat(raw.get("/api/v1/orders", "Authorization", "Basic " + PASSWORD).status()).isEqualTo(401);
        assertThat(raw.json("PUT", "/api/v1/tenant/ip-allowlist", "{\"entries\":[\"" + PASSWORD + "\"]}",
                "Authorization", "Bearer " + KEY).status()).isEqualTo(400);

        assertThat(api.call("PUT", "/api/v1/brokers/accounts/" + ACCOUNT + "/credentials",
                "{\"username\":\"demo-trader\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/brokers/accounts/" + ACCOUNT + "/credentials").status()).isEqualTo(200);

        // The capture works and the loggers were loud: Spring logged how it handled these requests.
        assertThat(output.getAll()).contains("Resource not found for path [api/v1/no-such-thing]")
                .contains("Set SecurityContextHolder to anonymous").contains("Could not resolve parameter");
        assertThat(output.getAll()).doesNotContain(KEY, KEY.substring(13), WRONG_KEY_SECRET, TOKEN, PASSWORD);
    }

    @Test
    void webhookSecretsShownAtCreationAndRotationAreNeverLogged(CapturedOutput output) {
        ApiClient.Response created = api.post("/api/v1/webhooks",
                "{\"url\":\"https://hooks.example.com/log\",\"eventTypes\":[\"*\"],\"active\":false}");
        assertThat(created.status()).isEqualTo(201);
        try {
            ApiClient.Response rotated = api.post("/api/v1/webhooks/" + created.text("id") + "/rotate-secret",
                    "{\"overlap\":\"PT0S\"}");
            assertThat(rotated.status()).isEqualTo(200);
            assertThat(output.getAll())
                    .doesNotContain(created.text("secret").substring(6), rotated.text("secret").substring(6));
        } finally {
            api.delete("/api/v1/webhooks/" + created.text("id"));
        }
    }

    @Test
    void inboundWebhookSecretsAndSignaturesAreNeverLogged(CapturedOutput output) {
        ApiClient.Response created = api.post("/api/v1/webhooks/inbound-sources",
                "{\"name\":\"" + uniqueId("logged") + "\"}");
        assertThat(created.status()).isEqualTo(201);
        String source = created.text("id");
        String secret = created.text("secret");
        long now = java.time.Instant.now().getEpochSecond();
        String signature = io.oms.infra.webhook.StandardWebhooks.sign(secret, "msg_log", now, "{}".getBytes());
        InboundSender sender = new InboundSender(port);
        try {
            assertThat(sender.signed(source, secret, "msg_log", now, "{}").status()).isEqualTo(202);
            assertThat(sender.signed(source, secret, "msg_log", now, "{}").status()).isEqualTo(409);
            assertThat(sender.post(source, "{\"x\":1}", "webhook-id", "msg_bad", "webhook-timestamp",
                    Long.toString(now), "webhook-signature", signature).status()).isEqualTo(401);
        } finally {
            api.delete("/api/v1/webhooks/inbound-sources/" + source);
        }
        assertThat(output.getAll()).doesNotContain(secret, secret.substring("whsec_".length()),
                signature.substring("v1,".length()));
    }

    @Test
    void aConfiguredBootstrapKeyIsNeverPrinted(CapturedOutput output) throws Exception {
        // The dev seeding runs again (it is idempotent with a configured key) and prints its banner.
        context.getBean("seedDemoTenant", ApplicationRunner.class).run(new DefaultApplicationArguments());

        assertThat(output.getOut()).contains("taken from OMS_BOOTSTRAP_API_KEY");
        assertThat(output.getAll()).doesNotContain(KEY, KEY.substring(13));
    }
}
