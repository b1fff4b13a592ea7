package io.oms.server.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads {@code GET /api/v1/events/stream} as a browser's EventSource would: line by line on a thread of its own,
 * each blank-line-terminated frame with an {@code id} becoming an {@link Event}. Every wait is bounded; closing
 * ends the connection.
 */
final class EventStreamClient implements AutoCloseable {
    record Event(long id, String type, String data) {}

    /** An answer that was not a stream (status and body). */
    record Refusal(int status, String body) {}

    private final HttpClient http;
    private final Stream<String> lines;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> received = new ArrayList<>();
    private final Thread reader;
    final String contentType;

    private EventStreamClient(HttpClient http, HttpResponse<Stream<String>> response) {
        this.http = http;
        this.lines = response.body();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.reader = Thread.ofVirtual().name("sse-reader").start(this::read);
    }

    /** Opens a stream; {@code query} (may be empty) is appended to the path, {@code lastEventId} may be null. */
    static EventStreamClient open(int port, String key, String query, String lastEventId) {
        Object answer = connect(port, key, query, lastEventId);
        if (answer instanceof Refusal refusal) {
            throw new AssertionError("the stream was refused: " + refusal.status() + " " + refusal.body());
        }
        return (EventStreamClient) answer;
    }

    /** The refusal of a stream that must not open. */
    static Refusal refused(int port, String key, String query, String lastEventId) {
        Object answer = connect(port, key, query, lastEventId);
        if (answer instanceof EventStreamClient stream) {
            stream.close();
            throw new AssertionError("the stream opened");
        }
        return (Refusal) answer;
    }

    private static Object connect(int port, String key, String query, String lastEventId) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events/stream" + query))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + key);
        if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
        try {
            HttpResponse<Stream<String>> response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body;
                try (Stream<String> lines = response.body()) {
                    body = String.join("\n", lines.toList());
                }
                http.shutdownNow();
                return new Refusal(response.statusCode(), body);
            }
            return new EventStreamClient(http, response);
        } catch (IOException e) {
            http.shutdownNow();
            throw new AssertionError("could not open the stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
            throw new AssertionError("interrupted", e);
        }
    }

    private void read() {
        Long id = null;
        String type = null;
        StringBuilder data = new StringBuilder();
        try {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (id != null) events.add(new Event(id, type, data.toString()));
                    id = null;
                    type = null;
                    data.setLength(0);
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        } catch (RuntimeException e) {
            // closed
        }
    }

    /** Waits until the events received so far satisfy {@code done}; returns them all (fails after the timeout). */
    List<Event> awaitEvents(Predicate<List<Event>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(received)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("stream condition not met within " + timeout + "; received " + received);
            try {
                Event next = events.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) received.add(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        return List.copyOf(received);
    }

    /** Everything received within {@code wait} (takes that long). */
    List<Event> drain(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                Event next = events.poll(left, TimeUnit.NANOSECONDS);
                if (next != null) received.add(next);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return List.copyOf(received);
    }

    @Override
    public void close() {
        lines.close();
        http.shutdownNow();
        reader.interrupt();
    }
}
