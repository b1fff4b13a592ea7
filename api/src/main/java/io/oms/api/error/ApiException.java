package io.oms.api.error;

import io.oms.workflows.domain.ErrorCode;
import java.util.List;

/**
 * A failure the API answers with its envelope; the HTTP status comes from the code. {@code retryAfterSeconds},
 * when set, becomes the answer's {@code Retry-After} header (rate limits, lockouts).
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldProblem> details;
    private final String hint;
    private final Long retryAfterSeconds;

    public ApiException(ErrorCode code, String message, List<FieldProblem> details, String hint) {
        this(code, message, details, hint, null);
    }

    public ApiException(ErrorCode code, String message, List<FieldProblem> details, String hint, Long retryAfterSeconds) {
        super(message);
        this.code = code;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.hint = hint;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of(), null);
    }

    public static ApiException validation(List<FieldProblem> problems) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, "the request is not valid", problems,
                "correct the fields listed in details and send the request again");
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> details() {
        return details;
    }

    public String hint() {
        return hint;
    }

    /** Seconds the caller should wait before trying again, or null when waiting would not help. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
