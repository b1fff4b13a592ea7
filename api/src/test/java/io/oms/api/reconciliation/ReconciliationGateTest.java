package io.oms.api.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.oms.api.error.ApiException;
import io.oms.infra.config.ReconciliationProperties;
import io.oms.infra.persistence.BrokerAccountRow;
import io.oms.workflows.domain.ErrorCode;
import org.junit.jupiter.api.Test;

class ReconciliationGateTest {
    private final ReconciliationGate on = new ReconciliationGate(new ReconciliationProperties(true, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60), java.time.Duration.ofDays(7)));
    private final ReconciliationGate off = new ReconciliationGate(new ReconciliationProperties(false, java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(60), java.time.Duration.ofDays(7)));

    @Test
    void aSyncedAccountPasses() {
        assertThatCode(() -> on.check(account("SYNCED"))).doesNotThrowAnyException();
    }

    @Test
    void anAccountReconcilingOrNeverReconciledIsRefusedWithRetryAfterNamingAccountAndState() {
        for (String state : new String[] {"RECONCILING", "PENDING"}) {
            ApiException refusal = catchThrowableOfType(ApiException.class, () -> on.check(account(state)));
            assertThat(refusal.code()).isEqualTo(ErrorCode.BROKER_RECONCILING);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(1L);
            assertThat(refusal.getMessage()).contains("DU7654321", state);
            assertThat(refusal.hint()).contains("GET /api/v1/reconciliation/accounts");
        }
    }

    @Test
    void theGateSwitchedOffLetsEveryStatePass() {
        assertThatCode(() -> off.check(account("RECONCILING"))).doesNotThrowAnyException();
        assertThatCode(() -> off.check(account("PENDING"))).doesNotThrowAnyException();
    }

    private static BrokerAccountRow account(String state) {
        return new BrokerAccountRow("DU7654321", "t1", "sim", state);
    }
}
