package io.oms.api.orders;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An order's version as an HTTP entity tag: {@code "7"}. If-Match takes it back (weak or bare forms too). */
final class ETags {
    static final String IF_MATCH = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,18})\"?\\s*");

    private ETags() {}

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names: 428 when it is missing, 400 when it is not one of our tags. */
    static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED, "If-Match is required to modify an order",
                    List.of(), "read the order, then send its ETag as If-Match");
        }
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ApiException.validation(List.of(new FieldProblem(IF_MATCH, "must be the order's ETag, e.g. \"3\"")));
        }
        return Long.parseLong(m.group(1));
    }
}
