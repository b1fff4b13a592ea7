package io.oms.api.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;

/** The API reads and answers JSON only: springdoc's wildcard media type becomes {@code application/json}. */
final class JsonContent {
    private static final String ANY = "*/*";
    private static final String JSON = "application/json";

    private JsonContent() {}

    static void only(Operation operation) {
        if (operation.getRequestBody() != null) fix(operation.getRequestBody().getContent());
        if (operation.getResponses() != null) operation.getResponses().values().forEach(r -> fix(r.getContent()));
    }

    private static void fix(Content content) {
        if (content != null && content.containsKey(ANY)) {
            var media = content.remove(ANY);
            content.putIfAbsent(JSON, media);
        }
    }
}
