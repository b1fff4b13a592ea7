package io.oms.api.error;

import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Spring's own failures (every MVC exception implements {@link ErrorResponse}) and bare HTTP statuses (a
 * container error dispatch) translated into the API's vocabulary: one status, one {@link ErrorCode}, a message.
 */
public final class SpringErrors {
    /** What an envelope answer consists of. */
    public record Translation(int status, ErrorCode code, String message, List<FieldProblem> details, String hint,
                              HttpHeaders headers) {}

    private SpringErrors() {}

    /** The code of a status: the API's own for the statuses Spring produces, else the first code of that status. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_ERROR;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> {
                for (ErrorCode code : ErrorCode.values()) {
                    if (code.httpStatus() == status) yield code;
                }
                yield status < 500 ? ErrorCode.VALIDATION_ERROR : ErrorCode.INTERNAL_ERROR;
            }
        };
    }

    public static Translation of(ErrorResponse e) {
        int status = e.getStatusCode().value();
        HttpHeaders headers = e.getHeaders();
        return switch (e) {
            case HttpRequestMethodNotSupportedException m -> new Translation(status, ErrorCode.METHOD_NOT_ALLOWED,
                    "method " + m.getMethod() + " is not allowed here", List.of(), "the Allow header lists the methods this path takes", headers);
            case HttpMediaTypeNotSupportedException m -> new Translation(status, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "content type " + m.getContentType() + " is not supported here", List.of(), "send Content-Type: application/json", headers);
            case HttpMediaTypeNotAcceptableException m -> new Translation(status, ErrorCode.NOT_ACCEPTABLE,
                    "this endpoint answers application/json only", List.of(), "send Accept: application/json", HttpHeaders.EMPTY);
            case MissingServletRequestParameterException m -> new Translation(status, ErrorCode.VALIDATION_ERROR,
                    "parameter " + m.getParameterName() + " is required",
                    List.of(new FieldProblem(m.getParameterName(), "is required")), null, headers);
            case MissingRequestHeaderException m -> new Translation(status, ErrorCode.VALIDATION_ERROR,
                    "header " + m.getHeaderName() + " is required", List.of(new FieldProblem(m.getHeaderName(), "is required")), null, headers);
            case MethodArgumentNotValidException m -> new Translation(status, ErrorCode.VALIDATION_ERROR,
                    "the request is not valid", m.getBindingResult().getFieldErrors().stream()
                            .map(f -> new FieldProblem(f.getField(), String.valueOf(f.getDefaultMessage()))).toList(),
                    "correct the fields listed in details and send the request again", headers);
            case NoResourceFoundException m -> notFound(status);
            case NoHandlerFoundException m -> notFound(status);
            default -> of(e.getStatusCode(), e.getBody().getDetail(), headers);
        };
    }

    /** A bare status, e.g. a container error dispatch without a Spring exception. */
    public static Translation of(HttpStatusCode statusCode, String detail, HttpHeaders headers) {
        int status = statusCode.value();
        ErrorCode code = codeFor(status);
        if (status == 404) return notFound(status);
        if (status >= 500) {
            return new Translation(status, code, status == 503 ? "service unavailable" : "internal error", List.of(),
                    "quote the trace_id when reporting this", HttpHeaders.EMPTY);
        }
        String message = detail == null || detail.isBlank() ? "the request cannot be answered (HTTP " + status + ")" : detail;
        return new Translation(status, code, message, List.of(), null, headers == null ? HttpHeaders.EMPTY : headers);
    }

    private static Translation notFound(int status) {
        return new Translation(status, ErrorCode.NOT_FOUND, "no such resource", List.of(),
                "the API lives under /api/v1; /v3/api-docs describes it", HttpHeaders.EMPTY);
    }
}
