package io.oms.api.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every operation's error answers, each with the error envelope as its body. */
final class ErrorDocumentation {
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("400", "VALIDATION_ERROR: bad fields, malformed JSON, unknown or malformed parameters");
        ANSWERS.put("401", "UNAUTHENTICATED: no valid API key or access token");
        ANSWERS.put("403", "FORBIDDEN: the credential lacks the endpoint's scope");
        ANSWERS.put("404", "NOT_FOUND: no such resource for this tenant");
        ANSWERS.put("405", "METHOD_NOT_ALLOWED: the path does not take this method");
        ANSWERS.put("406", "NOT_ACCEPTABLE: the Accept header excludes application/json");
        ANSWERS.put("415", "UNSUPPORTED_MEDIA_TYPE: the body is not application/json");
        ANSWERS.put("500", "INTERNAL_ERROR: quote the trace_id");
    }

    private ErrorDocumentation() {}

    static void addErrorAnswers(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ANSWERS.forEach((status, description) -> {
            ApiResponse existing = responses.get(status);
            if (existing == null || existing.getContent() == null || existing.getContent().isEmpty()) {
                responses.addApiResponse(status, new ApiResponse().description(existing == null ? description
                        : existing.getDescription()).content(envelope()));
            }
        });
        operation.setResponses(responses);
    }

    private static Content envelope() {
        return new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.ERROR_SCHEMA)));
    }
}
