package io.oms.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The body of every error answer: {@code {trace_id, code, message, details, hint}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEnvelope(
        @JsonProperty("trace_id") String traceId,
        String code,
        String message,
        List<FieldProblem> details,
        String hint) {}
