package io.oms.api.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error envelope straight to the servlet response, bypassing content negotiation: an error must be
 * answered in JSON even when the failure was the client's {@code Accept} (406) or came before any handler ran.
 * The trace id of the body is the one of the {@link TraceIds#HEADER} header, set again here because a
 * container error dispatch may have reset the response.
 */
@Component
public class EnvelopeWriter {
    private final JsonMapper json;

    public EnvelopeWriter(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                      String message, List<FieldProblem> details, String hint, HttpHeaders extraHeaders)
            throws IOException {
        if (response.isCommitted()) {
            return; // part of an answer already went out; nothing sensible can follow it
        }
        String traceId = TraceIds.of(request);
        response.resetBuffer();
        response.setStatus(status);
        response.setHeader(TraceIds.HEADER, traceId);
        if (extraHeaders != null) {
            extraHeaders.forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(),
                new ErrorEnvelope(traceId, code, message, details == null ? List.of() : details, hint));
        response.flushBuffer();
    }
}
