package io.oms.api.reconciliation;

import io.oms.api.error.ApiException;
import io.oms.infra.config.ApiRole;
import io.oms.infra.config.ReconciliationProperties;
import io.oms.infra.persistence.BrokerAccountRow;
import io.oms.workflows.domain.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The order path's fail-closed gate: a new order or a modify for an account that is not SYNCED (PENDING until its
 * first reconciliation, RECONCILING from every (re)connect of its IB session until the run after it succeeded) is
 * refused with 503 BROKER_RECONCILING and {@code Retry-After: 1}, before anything is created. Cancels never come
 * here. The state is read with the account itself ({@link BrokerAccountRow}), so the gate costs no query of its own.
 * {@code oms.reconciliation.gate=false} turns it off.
 */
@ApiRole
@Component
public class ReconciliationGate {
    static final long RETRY_AFTER_SECONDS = 1;
    static final String HINT = "the account's IB session (re)connected; orders resume once its reconciliation has "
            + "finished; GET /api/v1/reconciliation/accounts";

    private final boolean enabled;

    public ReconciliationGate(ReconciliationProperties properties) {
        this.enabled = properties.gate();
    }

    /** Refuses a new order or a modify unless the account is SYNCED (or the gate is off). */
    public void check(BrokerAccountRow account) {
        if (enabled && !account.synced()) {
            throw refusal(account.accountCode(), account.syncState());
        }
    }

    static ApiException refusal(String account, String state) {
        return new ApiException(ErrorCode.BROKER_RECONCILING, "account " + account + " is " + state
                + ": new orders and modifies are refused until its reconciliation has finished", List.of(), HINT,
                RETRY_AFTER_SECONDS);
    }
}
