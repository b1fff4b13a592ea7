package io.oms.api.events;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.api.security.BearerAuthentication;
import io.oms.infra.config.ApiRole;
import io.oms.infra.outbox.PublishedEvents;
import io.oms.infra.outbox.PublishedEvents.Position;
import io.oms.infra.outbox.PublishedEvents.Published;
import io.oms.infra.security.ApiPrincipal;
import io.oms.workflows.domain.DomainEvents;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live event stream: server-sent events of the caller's tenant, the outbox's published events in publication
 * order, each {@code id: <outbox id>}, {@code event: <type>}, {@code data: <the event's JSON envelope>}. Without
 * {@code Last-Event-ID} it starts at now; with it, it resumes right after that event. The stream is written on
 * the request's own (virtual) thread, which holds no database connection while it waits.
 */
@ApiRole
@RestController
public class EventStreamController {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A stream ends after this long; the client reconnects with Last-Event-ID and misses nothing. */
    static final Duration MAX_DURATION = Duration.ofMinutes(30);
    /** Events read and written per round (backfill and live alike). */
    static final int BATCH = 200;

    private final PublishedEvents events;
    private final EventStreamHub hub;

    public EventStreamController(PublishedEvents events, EventStreamHub hub) {
        this.events = events;
        this.hub = hub;
    }

    @GetMapping(path = "/api/v1/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    void stream(@RequestAttribute(BearerAuthentication.PRINCIPAL) ApiPrincipal principal,
                @RequestParam(required = false) String types,
                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
                @RequestParam(required = false) String lastEventId,
                HttpServletResponse response) throws IOException {
        Set<String> wanted = types(types);
        String resumeFrom = lastEventIdHeader != null && !lastEventIdHeader.isBlank() ? lastEventIdHeader : lastEventId;
        String tenant = principal.tenantId();
        Position start = resumeFrom == null || resumeFrom.isBlank() ? events.latest(tenant) : position(tenant, resumeFrom);
        StreamConnection connection = hub.open(tenant);
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no"); // proxies must not hold events back
            ServletOutputStream out = response.getOutputStream();
            out.write(": stream open\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            pump(connection, tenant, wanted, start, out);
        } catch (IOException e) {
            // the client went away: nothing more to do
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hub.close(connection);
        }
    }

    /** Writes every event after {@code position}, round after round, until the stream is closed or its time is up. */
    private void pump(StreamConnection connection, String tenant, Set<String> wanted, Position position,
                      ServletOutputStream out) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + MAX_DURATION.toNanos();
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        while (!connection.closed() && System.nanoTime() < deadline) {
            List<Published> batch = events.after(tenant, position, wanted, BATCH);
            for (Published event : batch) {
                out.write(frame(event));
                position = event.position();
            }
            if (!batch.isEmpty()) {
                out.flush();
                nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                if (batch.size() == BATCH) continue; // more are waiting: next round at once
            }
            long now = System.nanoTime();
            if (now >= nextHeartbeat) {
                out.write(":\n\n".getBytes(StandardCharsets.UTF_8)); // a comment: keeps proxies open, finds closed clients
                out.flush();
                nextHeartbeat = now + HEARTBEAT.toNanos();
            }
            connection.await(Duration.ofNanos(Math.min(nextHeartbeat, deadline) - System.nanoTime()));
        }
    }

    static byte[] frame(Published event) {
        // The payload is the stored JSON document on one line (jsonb's text form has no raw line breaks).
        String data = event.payloadJson().replace("\r", "").replace("\n", "");
        return ("id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private Position position(String tenant, String lastEventId) {
        long id;
        try {
            id = Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw invalidLastEventId();
        }
        return events.positionOf(tenant, id).orElseThrow(EventStreamController::invalidLastEventId);
    }

    private static ApiException invalidLastEventId() {
        return ApiException.validation(List.of(new FieldProblem("Last-Event-ID",
                "is not the id of an event this stream sent (use the id: of the last event received)")));
    }

    private static Set<String> types(String types) {
        if (types == null || types.isBlank()) return Set.of();
        Set<String> wanted = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String type : Arrays.stream(types.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (DomainEvents.PUBLISHED.contains(type)) wanted.add(type);
            else unknown.add(type);
        }
        if (!unknown.isEmpty() || wanted.isEmpty()) {
            throw ApiException.validation(List.of(new FieldProblem("types", "unknown event types " + unknown
                    + "; known: " + new TreeSet<>(DomainEvents.PUBLISHED))));
        }
        return wanted;
    }
}
