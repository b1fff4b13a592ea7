package io.oms.infra.config;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reconciliation ({@code oms.reconciliation.*}, docs/runbooks/reconciliation.md).
 *
 * @param gate               true (the default, fail-closed): new orders and modifies of an account whose sync state is
 *                           not SYNCED are refused with 503 BROKER_RECONCILING; false: the sync state is not checked
 *                           (for a test or an emergency only: orders may then go out while the OMS's view of the
 *                           account is stale). Env {@code OMS_RECONCILIATION_GATE}.
 * @param openOrdersInterval how often each account's open orders are compared with IB's between full runs (10 s;
 *                           env {@code OMS_RECONCILIATION_OPEN_ORDERS_INTERVAL}); at least 1 s
 * @param positionsInterval  how often executions and positions are (60 s; env
 *                           {@code OMS_RECONCILIATION_POSITIONS_INTERVAL}); at least 1 s
 * @param quietRunRetention  how long a quiet periodic run (an open-order or position check that found, repaired and
 *                           left nothing) is kept before it is deleted (7 days; env
 *                           {@code OMS_RECONCILIATION_QUIET_RUN_RETENTION}); at least 1 hour. Full runs, failed
 *                           runs and runs that found something are kept.
 */
@Validated
@ConfigurationProperties("oms.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean gate,
                                       @NotNull @DefaultValue("10s") Duration openOrdersInterval,
                                       @NotNull @DefaultValue("60s") Duration positionsInterval,
                                       @NotNull @DefaultValue("7d") Duration quietRunRetention) {

    public ReconciliationProperties {
        requireAtLeast("open-orders-interval", openOrdersInterval, Duration.ofSeconds(1), "1s");
        requireAtLeast("positions-interval", positionsInterval, Duration.ofSeconds(1), "1s");
        requireAtLeast("quiet-run-retention", quietRunRetention, Duration.ofHours(1), "1h");
    }

    /** A missing value is left to {@code @NotNull}; one under its floor is refused, naming the setting. */
    private static void requireAtLeast(String setting, Duration value, Duration floor, String floorText) {
        if (value != null && value.compareTo(floor) < 0) {
            throw new IllegalArgumentException("oms.reconciliation." + setting + " must be at least " + floorText);
        }
    }
}
