package io.oms.api.webhooks;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An endpoint's version as an HTTP entity tag ({@code "3"}); If-Match is optional on a webhook PUT. */
final class EndpointVersions {
    static final String IF_MATCH = "If-Match";
    private static final Pattern TAG = Pattern.compile("\\s*(?:W/)?\"?(\\d{1,9})\"?\\s*");

    private EndpointVersions() {}

    static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match names; null without one; 400 when it is not one of our tags. */
    static Integer expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) return null;
        Matcher m = TAG.matcher(ifMatch);
        if (!m.matches()) {
            throw ApiException.validation(List.of(new FieldProblem(IF_MATCH, "must be the endpoint's ETag, e.g. \"3\"")));
        }
        return Integer.parseInt(m.group(1));
    }
}
