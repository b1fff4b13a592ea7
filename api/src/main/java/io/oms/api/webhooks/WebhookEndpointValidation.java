package io.oms.api.webhooks;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.webhook.OutboundTargetPolicy;
import io.oms.infra.webhook.WebhookEndpoint;
import io.oms.workflows.domain.DomainEvents;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks an endpoint body, reporting every field problem at once (400, nothing saved). */
final class WebhookEndpointValidation {
    static final int MAX_URL = 2048;
    static final int MAX_DESCRIPTION = 500;
    private static final String TYPES = String.join(", ", new TreeSet<>(DomainEvents.WEBHOOK_DELIVERABLE));

    /** A valid endpoint's terms; {@code eventTypes} without duplicates, just {@code *} when it names every event. */
    record Terms(String url, List<String> eventTypes, String description, boolean active) {}

    private WebhookEndpointValidation() {}

    static Terms validate(WebhookBodies.WebhookEndpointBody body, boolean allowPrivateTargets) {
        if (body == null) {
            throw ApiException.validation(List.of(new FieldProblem("url", "is required"),
                    new FieldProblem("eventTypes", "is required")));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String url = body.url() == null ? null : body.url().strip();
        if (url == null || url.isEmpty()) {
            problems.add(new FieldProblem("url", "is required"));
        } else if (url.length() > MAX_URL) {
            problems.add(new FieldProblem("url", "must be at most " + MAX_URL + " characters"));
        } else {
            OutboundTargetPolicy.refuseUrl(url, allowPrivateTargets).ifPresent(why -> problems.add(new FieldProblem("url", why)));
        }
        List<String> types = eventTypes(body.eventTypes(), problems);
        String description = body.description() == null || body.description().isBlank() ? null : body.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!problems.isEmpty()) throw ApiException.validation(problems);
        return new Terms(url, types, description, body.active() == null || body.active());
    }

    private static List<String> eventTypes(List<String> given, List<FieldProblem> problems) {
        if (given == null || given.isEmpty()) {
            problems.add(new FieldProblem("eventTypes", "must name at least one event type, or \"*\" for every one"));
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String type = given.get(i) == null ? "" : given.get(i).strip();
            if (type.equals(WebhookEndpoint.ALL_EVENTS) || DomainEvents.WEBHOOK_DELIVERABLE.contains(type)) {
                types.add(type);
            } else {
                problems.add(new FieldProblem("eventTypes[" + i + "]", "is not an event type webhooks deliver; one of "
                        + TYPES + ", or \"*\""));
            }
        }
        return types.contains(WebhookEndpoint.ALL_EVENTS) ? List.of(WebhookEndpoint.ALL_EVENTS) : List.copyOf(types);
    }
}
