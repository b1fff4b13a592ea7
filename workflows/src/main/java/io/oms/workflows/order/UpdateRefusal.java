package io.oms.workflows.order;

import io.oms.workflows.domain.ErrorCode;
import io.temporal.failure.ApplicationFailure;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An update validator's refusal carrying an {@link ErrorCode} and the field it is about. The SDK turns an
 * {@code ApplicationFailure} thrown by a validator into a generic failure (its type is lost), while a plain
 * exception reaches the caller with its class name as the type and its message intact; so the code and the
 * field travel in the message ({@code "STATE_CONFLICT qty: must be greater than ..."}) and {@link #read} takes
 * them out again on the client side.
 */
public final class UpdateRefusal extends RuntimeException {
    private static final Pattern FORMAT = Pattern.compile("([A-Z_]+)(?: ([\\w.]+))?: (.*)", Pattern.DOTALL);

    public UpdateRefusal(ModifyRules.Problem problem) {
        super(problem.code().name() + (problem.field() == null ? "" : " " + problem.field()) + ": " + problem.message());
    }

    /** The refusal a client received, or empty when the failure is not one of these. */
    public static Optional<ModifyRules.Problem> read(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApplicationFailure app && UpdateRefusal.class.getName().equals(app.getType())) {
                Matcher m = FORMAT.matcher(app.getOriginalMessage());
                if (m.matches()) {
                    return Optional.of(new ModifyRules.Problem(ErrorCode.valueOf(m.group(1)), m.group(2), m.group(3)));
                }
            }
        }
        return Optional.empty();
    }
}
