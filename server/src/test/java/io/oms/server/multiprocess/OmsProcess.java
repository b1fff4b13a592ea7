package io.oms.server.multiprocess;

import io.oms.server.e2e.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One {@code OmsMain <role>} child JVM with the test's classpath, its output appended to
 * {@code target/multiprocess-logs/<role>.log}. Every wait is bounded; {@link #close()} always ends the process.
 */
final class OmsProcess implements AutoCloseable {
    static final Path LOG_DIR = Path.of("target", "multiprocess-logs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String role;
    private final Process process;
    private final Path log;

    private OmsProcess(String role, Process process, Path log) {
        this.role = role;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code OmsMain role} with env added to this JVM's environment. */
    static OmsProcess start(String role, Map<String, String> env) {
        try {
            Files.createDirectories(LOG_DIR);
            Path log = LOG_DIR.resolve(role + ".log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "io.oms.server.OmsMain", role);
            pb.environment().putAll(env);
            pb.redirectErrorStream(true);
            pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Files.writeString(log, System.lineSeparator() + "===== starting " + role + " =====" + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return new OmsProcess(role, pb.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + role, e);
        }
    }

    /** Waits until 127.0.0.1:port accepts TCP connections. */
    OmsProcess awaitPort(int port, Duration timeout) {
        awaitReady(timeout, "port " + port, () -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Waits until http://127.0.0.1:port/actuator/health answers at all (UP or DOWN). */
    OmsProcess awaitHttpHealth(int port, Duration timeout) {
        awaitReady(timeout, "/actuator/health on " + port, () -> {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build();
                return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        return this;
    }

    /** Waits until this run's output contains text. */
    OmsProcess awaitLog(String text, Duration timeout) {
        awaitReady(timeout, "log line '" + text + "'", () -> {
            try {
                String all = Files.readString(log, StandardCharsets.ISO_8859_1);
                return all.substring(all.lastIndexOf("===== starting " + role)).contains(text);
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    private void awaitReady(Duration timeout, String what, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(role + " exited with " + process.exitValue() + " before " + what
                        + " was ready; see " + log.toAbsolutePath());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(role + ": " + what + " not ready within " + timeout + "; see "
                        + log.toAbsolutePath());
            }
            sleep(250);
        }
    }

    /** SIGKILL: the process gets no chance to clean up. Waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException(role + " survived SIGKILL");
    }

    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Polls condition every 50 ms; fails after timeout. */
    static void awaitUntil(Duration timeout, String what, BooleanSupplier condition) {
        Waits.until(timeout, what + " (logs in " + LOG_DIR.toAbsolutePath() + ")", condition);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
