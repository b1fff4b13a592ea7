package io.oms.server.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.oms.infra.webhook.StandardWebhooks;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signature verifiers shown to receivers in docs/webhooks.md work: the Java block is compiled as it stands and
 * the Python block run as it stands, both against what the OMS's own signer produces.
 */
class WebhookVerifierExampleTest {
    private static final String SECRET = StandardWebhooks.newSecret();
    private static final String ID = "019ad9c1-7f0e-7c5a-9a44-3f2e8e7d1b20";
    private static final byte[] BODY = "{\"eventId\":\"019ad9c1\",\"type\":\"order.filled\",\"note\":\"caf\u00e9\"}"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path work;
    private static Method verify;
    private static String doc;

    @BeforeAll
    static void compileTheDocumentedVerifier() throws Exception {
        doc = Files.readString(repositoryRoot().resolve("docs/webhooks.md"));
        Path source = work.resolve("WebhookVerifier.java");
        Files.writeString(source, block("java", "class WebhookVerifier"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", work.toString(), source.toString())).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, null);
        verify = loader.loadClass("WebhookVerifier").getMethod("verify", String.class, String.class, String.class,
                String.class, byte[].class, long.class);
    }

    @Test
    void theJavaVerifierAcceptsWhatTheOmsSigns() throws Exception {
        long now = Instant.now().getEpochSecond();
        assertThat(java(SECRET, ID, now, sign(SECRET, now, BODY), BODY, now)).isTrue();
        assertThat(java(SECRET, ID, now - 299, sign(SECRET, now - 299, BODY), BODY, now)).isTrue();
        String rotating = StandardWebhooks.signatureHeader(List.of(StandardWebhooks.newSecret(), SECRET), ID, now, BODY);
        assertThat(java(SECRET, ID, now, rotating, BODY, now)).as("either of two signatures").isTrue();
    }

    @Test
    void theJavaVerifierRefusesWrongSecretsTamperingStaleTimesAndGarbage() throws Exception {
        long now = Instant.now().getEpochSecond();
        String good = sign(SECRET, now, BODY);
        assertThat(java(StandardWebhooks.newSecret(), ID, now, good, BODY, now)).isFalse();
        assertThat(java(SECRET, ID, now, good, "{\"type\":\"order.canceled\"}".getBytes(StandardCharsets.UTF_8), now)).isFalse();
        assertThat(java(SECRET, "another-id", now, good, BODY, now)).isFalse();
        assertThat(java(SECRET, ID, now - 301, sign(SECRET, now - 301, BODY), BODY, now)).isFalse();
        assertThat(java(SECRET, ID, now + 301, sign(SECRET, now + 301, BODY), BODY, now)).isFalse();
        assertThat((boolean) verify.invoke(null, SECRET, ID, "yesterday", good, BODY, now)).isFalse();
        assertThat((boolean) verify.invoke(null, SECRET, ID, null, good, BODY, now)).isFalse();
        assertThat(java(SECRET, ID, now, "v1,!!not-base64!! v2,abc", BODY, now)).isFalse();
    }

    @Test
    void thePythonVerifierAgreesWithTheOmsSigner() throws Exception {
        assumeTrue(hasPython(), "python3 is not installed");
        long now = Instant.now().getEpochSecond();
        String body = new String(BODY, StandardCharsets.UTF_8);
        String script = block("python", "def verify") + "\n"
                + "body = " + pyBytes(body) + "\n"
                + "print(verify(" + py(SECRET) + ", " + py(ID) + ", " + py(Long.toString(now)) + ", "
                + py(sign(SECRET, now, BODY)) + ", body, now=" + now + "))\n"
                + "print(verify(" + py(SECRET) + ", " + py(ID) + ", " + py(Long.toString(now - 400)) + ", "
                + py(sign(SECRET, now - 400, BODY)) + ", body, now=" + now + "))\n"
                + "print(verify(" + py(SECRET) + ", " + py(ID) + ", " + py(Long.toString(now)) + ", "
                + py(sign(SECRET, now, BODY)) + ", body + b' ', now=" + now + "))\n"
                + "print(verify(" + py(SECRET) + ", " + py(ID) + ", " + py(Long.toString(now)) + ", "
                + py(StandardWebhooks.signatureHeader(List.of(StandardWebhooks.newSecret(), SECRET), ID, now, BODY))
                + ", body, now=" + now + "))\n";
        Path file = work.resolve("verify.py");
        Files.writeString(file, script);
        Process python = new ProcessBuilder("python3", file.toString()).redirectErrorStream(true).start();
        assertThat(python.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out.lines().toList()).as(out).containsExactly("True", "False", "False", "True");
    }

    private static boolean java(String secret, String id, long timestamp, String signatures, byte[] body, long now)
            throws Exception {
        return (boolean) verify.invoke(null, secret, id, Long.toString(timestamp), signatures, body, now);
    }

    private static String sign(String secret, long timestamp, byte[] body) {
        return StandardWebhooks.sign(secret, ID, timestamp, body);
    }

    /** The first fenced block of that language in docs/webhooks.md containing {@code marker}. */
    private static String block(String language, String marker) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) {
            if (m.group(1).contains(marker)) return m.group(1);
        }
        throw new AssertionError("docs/webhooks.md has no " + language + " block with " + marker);
    }

    private static String py(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String pyBytes(String s) {
        return py(s) + ".encode('utf-8')";
    }

    private static boolean hasPython() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The directory holding docs/ (tests run in the module directory). */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("oms"))) return dir;
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
