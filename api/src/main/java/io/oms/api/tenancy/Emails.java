package io.oms.api.tenancy;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.identity.Invites;
import java.util.List;
import java.util.regex.Pattern;

/** Email addresses as invites take them: a plausible shape (delivery proves the rest), compared lowercased. */
final class Emails {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX = 254;

    private Emails() {}

    static String valid(String email, String field) {
        if (email == null || email.strip().length() > MAX || !SHAPE.matcher(email.strip()).matches()) {
            throw ApiException.validation(List.of(new FieldProblem(field, "must be an email address")));
        }
        return Invites.normalise(email);
    }
}
