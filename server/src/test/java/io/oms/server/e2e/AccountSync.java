package io.oms.server.e2e;

import java.time.Duration;

/**
 * Orders are accepted only for SYNCED accounts (the fail-closed reconciliation gate): tests wait for the run after
 * the session connected, or ask for one for an account they created, through the API.
 */
final class AccountSync {
    static final Duration WAIT = Duration.ofSeconds(45);

    private AccountSync() {}

    /** Waits until the tenant's {@code account} is SYNCED. */
    static void await(ApiClient tenantApi, String account) {
        tenantApi.await("/api/v1/reconciliation/accounts", r -> {
            for (var a : r.body()) {
                if (account.equals(a.path("account").asString())) {
                    return "SYNCED".equals(a.path("syncState").asString());
                }
            }
            return false;
        }, WAIT);
    }

    /** Waits until the account is SYNCED again by a run that finished after {@code since} (a (re)connect's). */
    static void awaitResynced(ApiClient tenantApi, String account, java.time.Instant since) {
        tenantApi.await("/api/v1/reconciliation/accounts", r -> {
            for (var a : r.body()) {
                if (account.equals(a.path("account").asString())) {
                    return "SYNCED".equals(a.path("syncState").asString())
                            && java.time.Instant.parse(a.path("syncStateAt").asString()).isAfter(since);
                }
            }
            return false;
        }, WAIT);
    }

    /**
     * Asks for a full run of a new account (it starts PENDING) and waits until it is SYNCED, through Temporal and the
     * database rather than the API, so that the tenant's rate-limit bucket is left untouched for the test.
     */
    static void reconcile(org.springframework.context.ApplicationContext beans, String account) {
        Reconciliations reconciliations = Reconciliations.of(beans);
        reconciliations.fullRun(account);
        reconciliations.awaitSynced(account);
    }
}
