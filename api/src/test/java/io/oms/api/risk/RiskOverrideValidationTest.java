package io.oms.api.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.oms.api.error.ApiException;
import io.oms.api.error.FieldProblem;
import io.oms.infra.risk.OverrideKind;
import io.oms.workflows.domain.ErrorCode;
import io.oms.infra.risk.StoredDenial;
import io.oms.workflows.risk.DenialReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The body-only checks of an override, and how a denied order's reasons are read. */
class RiskOverrideValidationTest {

    private static RiskOverrideBody limit(String limitId, Long expires) {
        return new RiskOverrideBody("LIMIT", null, null, null, null, null, null, null, null, limitId, "why", expires);
    }

    private static List<String> fields(ApiException e) {
        return e.details().stream().map(FieldProblem::field).toList();
    }

    @Test
    void expiryDefaultsToFifteenMinutesAndIsBoundedByKind() {
        String id = UUID.randomUUID().toString();
        assertThat(RiskOverrideValidation.validate(limit(id, null)).expiresInSeconds()).isEqualTo(900);
        assertThat(RiskOverrideValidation.validate(limit(id, 86_400L)).kind()).isEqualTo(OverrideKind.LIMIT);
        assertThat(fields(catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.validate(limit(id, 86_401L)))))
                .containsExactly("expiresInSeconds");
        RiskOverrideBody order = new RiskOverrideBody("order", UUID.randomUUID().toString(), null, null, null, null, null,
                null, null, null, "why", 3601L);
        assertThat(fields(catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.validate(order))))
                .containsExactly("expiresInSeconds");
    }

    @Test
    void anOrderOverrideTakesEitherAnOrderOrItsTermsNeverBoth() {
        RiskOverrideBody both = new RiskOverrideBody("ORDER", UUID.randomUUID().toString(), "DU1", null, null,
                BigDecimal.ONE, null, null, null, null, "why", null);
        assertThat(fields(catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.validate(both))))
                .containsExactly("orderId");
        RiskOverrideBody limitWithTerms = new RiskOverrideBody("LIMIT", null, "DU1", null, null, null, null, null, null,
                UUID.randomUUID().toString(), "why", null);
        assertThat(fields(catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.validate(limitWithTerms))))
                .containsExactly("kind");
    }

    @Test
    void complianceAndKillSwitchReasonsAreRefused() {
        ApiException compliance = catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.requireWaivable(
                List.of(DenialReason.MAX_NOTIONAL, DenialReason.WASH_TRADE)));
        assertThat(compliance.code()).isEqualTo(ErrorCode.COMPLIANCE_BLOCKED);
        ApiException halted = catchThrowableOfType(ApiException.class, () -> RiskOverrideValidation.requireWaivable(
                List.of(DenialReason.TRADING_HALTED)));
        assertThat(halted.code()).isEqualTo(ErrorCode.STATE_CONFLICT);
        RiskOverrideValidation.requireWaivable(List.of(DenialReason.MAX_NOTIONAL, DenialReason.ORDER_RATE));
    }

    @Test
    void aDeniedOrdersReasonsAreThoseOfItsRiskDenialsInEngineOrder() {
        String json = StoredDenial.toJson(List.of(
                new StoredDenial("POSITION_LIMIT", "RISK", new BigDecimal("500"), new BigDecimal("900"), null, "m", null),
                new StoredDenial("MAX_NOTIONAL", "RISK", new BigDecimal("1000"), new BigDecimal("15000"), null, "m", null)));
        assertThat(RiskOverrideService.reasonsOf(json)).containsExactly(DenialReason.MAX_NOTIONAL, DenialReason.POSITION_LIMIT);
        assertThat(RiskOverrideService.reasonsOf(null)).as("denied by the workflow's own checks").isEmpty();
    }
}
