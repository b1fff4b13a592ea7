package io.oms.api.error;

import io.oms.workflows.domain.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where failures become HTTP answers, each with the error envelope. */
@RestControllerAdvice
public class ApiErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorEnvelope> api(ApiException e, HttpServletRequest request) {
        return answerFor(e, TraceIds.of(request));
    }

    /**
     * The answer a request failing with {@code e} gets: for answers that carry several outcomes (batch items),
     * so that each item's status and envelope are exactly those of the single request.
     */
    public static ResponseEntity<ErrorEnvelope> answerFor(RuntimeException e, String traceId) {
        if (e instanceof ApiException api) {
            return ResponseEntity.status(api.code().httpStatus())
                    .body(new ErrorEnvelope(traceId, api.code().name(), api.getMessage(), api.details(), api.hint()));
        }
        log.error("unexpected failure of one item (trace {})", traceId, e);
        return ResponseEntity.status(ErrorCode.INTERNAL_ERROR.httpStatus()).body(new ErrorEnvelope(traceId,
                ErrorCode.INTERNAL_ERROR.name(), "internal error", List.of(), "quote the trace_id when reporting this"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorEnvelope> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return answer(request, ErrorCode.VALIDATION_ERROR, "the request body is not valid JSON for this endpoint",
                List.of(), "send a JSON object with the documented fields");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorEnvelope> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return answer(request, ErrorCode.VALIDATION_ERROR, "parameter " + e.getName() + " has the wrong form",
                List.of(new FieldProblem(e.getName(), "has the wrong form")), null);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorEnvelope> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return answer(request, ErrorCode.VALIDATION_ERROR, "header " + e.getHeaderName() + " is required", List.of(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorEnvelope> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, ErrorCode.NOT_FOUND, "no such resource", List.of(), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(405).body(new ErrorEnvelope(TraceIds.of(request), ErrorCode.VALIDATION_ERROR.name(),
                "method " + e.getMethod() + " is not allowed here", List.of(), null));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorEnvelope> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return ResponseEntity.status(415).body(new ErrorEnvelope(TraceIds.of(request), ErrorCode.VALIDATION_ERROR.name(),
                "send Content-Type: application/json", List.of(), null));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorEnvelope> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(request, ErrorCode.INTERNAL_ERROR, "internal error", List.of(),
                "quote the trace_id when reporting this");
    }

    private static ResponseEntity<ErrorEnvelope> answer(HttpServletRequest request, ErrorCode code, String message,
                                                        List<FieldProblem> details, String hint) {
        return ResponseEntity.status(code.httpStatus())
                .body(new ErrorEnvelope(TraceIds.of(request), code.name(), message, details, hint));
    }
}
