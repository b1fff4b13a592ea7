package io.oms.activities.webhook;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POSTs one signed webhook: never follows redirects, connect and read timeouts, keeps only the first
 * {@link #EXCERPT_BYTES} of the answer. Waits asynchronously and calls {@code heartbeat} about every second, so the
 * activity around it proves it is alive while a slow receiver thinks.
 */
public final class WebhookSender {
    public static final String USER_AGENT = "oms-webhooks/1";
    static final int EXCERPT_BYTES = 1024;
    private static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(1);

    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public WebhookSender(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        // HTTP/1.1: no h2c upgrade attempt on plain http, which some receivers mishandle.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    HttpAttempt post(URI url, Map<String, String> headers, byte[] body, Runnable heartbeat) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(readTimeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        // The request timeout covers the wait for the status line; this deadline also bounds reading the excerpt.
        long deadline = started + connectTimeout.plus(readTimeout).plusSeconds(1).toNanos();
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request.build(), BoundedBody.handler(EXCERPT_BYTES));
        try {
            while (true) {
                try {
                    HttpResponse<String> r = answer.get(HEARTBEAT_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                    return new HttpAttempt(r.statusCode(), r.headers().firstValue("retry-after").orElse(null), null,
                            r.body(), millisSince(started));
                } catch (TimeoutException stillWaiting) {
                    if (System.nanoTime() - deadline > 0) {
                        return new HttpAttempt(0, null, "READ_TIMEOUT", null, millisSince(started));
                    }
                    heartbeat.run();
                } catch (ExecutionException failed) {
                    return new HttpAttempt(0, null, networkError(failed.getCause()), null, millisSince(started));
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the receiver", interrupted);
        } finally {
            answer.cancel(true);
        }
    }

    /** A short cause without the URL or the receiver's words (the attempt row keeps those apart). */
    static String networkError(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) return "CONNECT_TIMEOUT";
        if (cause instanceof HttpTimeoutException) return "READ_TIMEOUT";
        if (cause instanceof ConnectException) return "CONNECTION_REFUSED";
        return "NETWORK_ERROR (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")";
    }

    private static long millisSince(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }
}
