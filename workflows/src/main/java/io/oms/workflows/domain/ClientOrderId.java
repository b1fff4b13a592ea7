package io.oms.workflows.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/** The caller's order id, unique per tenant: the idempotency key of a submission. */
public record ClientOrderId(String value) {
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    public ClientOrderId {
        Objects.requireNonNull(value, "client order id");
        if (!isValid(value)) {
            throw new IllegalArgumentException("client order id must be 1-64 characters of [A-Za-z0-9._:-]");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
