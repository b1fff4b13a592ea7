package io.oms.api.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.risk.BreakerKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A breaker body is checked field by field, every problem reported at once; defaults fill what is left out. */
class CircuitBreakerValidationTest {

    private static java.util.List<String> fields(BreakerKind kind, CircuitBreakerBody body) {
        return catchThrowableOfType(ApiException.class, () -> CircuitBreakerValidation.validate("acme", kind, body, null))
                .details().stream().map(FieldProblem::field).toList();
    }

    @Test
    void defaultsAreTenantScopeSixtySecondsHaltedAndEnabled() {
        var terms = CircuitBreakerValidation.validate("acme", BreakerKind.REJECT_STORM,
                new CircuitBreakerBody(null, null, new BigDecimal("5"), null, null, null), null);
        assertThat(terms.scope()).isEqualTo("TENANT");
        assertThat(terms.windowSeconds()).isEqualTo(60);
        assertThat(terms.action()).isEqualTo("HALTED");
        assertThat(terms.enabled()).isTrue();
        assertThat(CircuitBreakerValidation.validate("acme", BreakerKind.LOSS,
                new CircuitBreakerBody("tenant", null, new BigDecimal("2500.50"), null, "reducing", false), null))
                .satisfies(t -> {
                    assertThat(t.windowSeconds()).isNull();
                    assertThat(t.action()).isEqualTo("REDUCING");
                    assertThat(t.enabled()).isFalse();
                });
    }

    @Test
    void reportsEveryProblemAtOnce() {
        assertThat(fields(BreakerKind.REJECT_STORM, new CircuitBreakerBody("DESK", null, new BigDecimal("2.5"), 0, "STOP", null)))
                .containsExactly("scope", "threshold", "windowSeconds", "action");
        assertThat(fields(BreakerKind.LOSS, new CircuitBreakerBody(null, "DU1", BigDecimal.ZERO, 60, null, null)))
                .containsExactly("account", "threshold", "windowSeconds");
        assertThat(fields(BreakerKind.BROKER_LATENCY, new CircuitBreakerBody("ACCOUNT", null, null, null, null, null)))
                .containsExactly("account", "threshold");
    }

    @Test
    void aMissingBodyIsAFieldError() {
        assertThat(fields(BreakerKind.LOSS, null)).containsExactly("body");
    }
}
