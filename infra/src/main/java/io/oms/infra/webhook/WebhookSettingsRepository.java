package io.oms.infra.webhook;

import io.oms.infra.persistence.Timestamps;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tenant's webhook policy (tenant_webhook_settings); a tenant without a row has the defaults. */
@Repository
public class WebhookSettingsRepository {
    private final JdbcClient jdbc;

    public WebhookSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether outbound calls may go to loopback, private and other non-public addresses (default false). */
    public boolean allowPrivateTargets(String tenantId) {
        return jdbc.sql("SELECT allow_private_targets FROM tenant_webhook_settings WHERE tenant_id = :tenantId")
                .param("tenantId", tenantId).query(Boolean.class).optional().orElse(false);
    }

    public void setAllowPrivateTargets(String tenantId, boolean allow, Instant now) {
        jdbc.sql("""
                        INSERT INTO tenant_webhook_settings (tenant_id, allow_private_targets, updated_at)
                        VALUES (:tenantId, :allow, :now)
                        ON CONFLICT (tenant_id) DO UPDATE SET allow_private_targets = EXCLUDED.allow_private_targets,
                                                              updated_at = EXCLUDED.updated_at""")
                .param("tenantId", tenantId).param("allow", allow).param("now", Timestamps.bind(now))
                .update();
    }
}
