package io.oms.api.orders;

import io.oms.api.error.FieldProblem;
import java.math.BigDecimal;
import java.util.Optional;

/** The tick grid check of a price field, shared by submission and modify. */
final class Ticks {
    private Ticks() {}

    /** A problem when {@code price} is not a multiple of {@code tickSize}; none when either is absent. */
    static Optional<FieldProblem> check(String field, BigDecimal price, BigDecimal tickSize) {
        if (price != null && tickSize != null && tickSize.signum() > 0 && price.remainder(tickSize).signum() != 0) {
            return Optional.of(new FieldProblem(field,
                    "must be a multiple of the tick size " + tickSize.stripTrailingZeros().toPlainString()));
        }
        return Optional.empty();
    }
}
