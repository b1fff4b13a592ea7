package io.oms.api.error;

import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where failures inside Spring MVC become HTTP answers, each with the error envelope (failures
 * before MVC, in filters or the container, reach {@link EnvelopeErrorController}). Answers are written by
 * {@link EnvelopeWriter}, so a client whose {@code Accept} excludes JSON still gets the envelope.
 */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    private final EnvelopeWriter writer;

    public ApiErrorHandler(EnvelopeWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(ApiException.class)
    void api(ApiException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpHeaders headers = null;
        if (e.retryAfterSeconds() != null) {
            headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        writer.write(request, response, e.code().httpStatus(), e.code().name(), e.getMessage(), e.details(), e.hint(), headers);
    }

    /**
     * The answer a request failing with {@code e} gets: for answers that carry several outcomes (batch items),
     * so that each item's status and envelope are exactly those of the single request.
     */
    public static ResponseEntity<ErrorEnvelope> answerFor(RuntimeException e, String traceId) {
        if (e instanceof ApiException api) {
            var answer = ResponseEntity.status(api.code().httpStatus());
            if (api.retryAfterSeconds() != null) {
                answer.header(HttpHeaders.RETRY_AFTER, Long.toString(api.retryAfterSeconds()));
            }
            return answer.body(new ErrorEnvelope(traceId, api.code().name(), api.getMessage(), api.details(), api.hint()));
        }
        log.error("unexpected failure of one item (trace {})", traceId, e);
        return ResponseEntity.status(ErrorCode.INTERNAL_ERROR.httpStatus()).body(new ErrorEnvelope(traceId,
                ErrorCode.INTERNAL_ERROR.name(), "internal error", List.of(), "quote the trace_id when reporting this"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        answer(request, response, ErrorCode.VALIDATION_ERROR, "the request body is not valid JSON for this endpoint",
                List.of(), "send a JSON object with the documented fields");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        answer(request, response, ErrorCode.VALIDATION_ERROR, "parameter " + e.getName() + " has the wrong form",
                List.of(new FieldProblem(e.getName(), "has the wrong form")), null);
    }

    /**
     * Every other failure: Spring MVC's own (each implements {@link ErrorResponse}: 404 unknown path, 405, 406, 415,
     * missing parameters and headers, ...) with their status, anything else a 500.
     */
    @ExceptionHandler(Exception.class)
    void other(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (e instanceof ErrorResponse spring) {
            SpringErrors.Translation t = SpringErrors.of(spring);
            if (t.status() >= 500) {
                log.error("failure on {} {}", request.getMethod(), request.getRequestURI(), e);
            }
            writer.write(request, response, t.status(), t.code().name(), t.message(), t.details(), t.hint(), t.headers());
            return;
        }
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        answer(request, response, ErrorCode.INTERNAL_ERROR, "internal error", List.of(),
                "quote the trace_id when reporting this");
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message,
                        List<FieldProblem> details, String hint) throws IOException {
        writer.write(request, response, code.httpStatus(), code.name(), message, details, hint, null);
    }
}
