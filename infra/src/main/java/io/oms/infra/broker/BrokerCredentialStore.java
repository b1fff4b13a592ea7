package io.oms.infra.broker;

import io.oms.infra.crypto.SecretSealer;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * IB login credentials per tenant and broker account. The password is sealed before it reaches the database and
 * opened only by {@link #open} (for a gateway login); everything else sees {@link Metadata}.
 */
@Repository
public class BrokerCredentialStore {
    /** What may be shown about stored credentials: never the password. */
    public record Metadata(String account, String username, String masterKeyId, String updatedBy, Instant updatedAt) {}

    /** Opened credentials for a gateway login; {@code toString} leaves the password out. */
    public record GatewayLogin(String username, String password) {
        @Override
        public String toString() {
            return "GatewayLogin[username=" + username + ", password=***]";
        }
    }

    private final JdbcClient jdbc;
    private final SecretSealer sealer;

    public BrokerCredentialStore(JdbcClient jdbc, SecretSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    /** The sealed text is bound to its row: copied to another tenant's or account's row it does not open. */
    static String context(String tenantId, String account) {
        return "broker-credentials:" + tenantId + ":" + account;
    }

    /** Stores or replaces the account's credentials (the caller has checked that the account is the tenant's). */
    public Metadata save(String tenantId, String account, String username, String password, String actor) {
        String sealed = sealer.seal(password, context(tenantId, account));
        jdbc.sql("""
                        INSERT INTO broker_credentials (tenant_id, account_code, username, password_sealed, master_key_id, updated_by)
                        VALUES (:t, :a, :u, :s, :k, :by)
                        ON CONFLICT (tenant_id, account_code) DO UPDATE SET username = EXCLUDED.username,
                            password_sealed = EXCLUDED.password_sealed, master_key_id = EXCLUDED.master_key_id,
                            updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .param("t", tenantId).param("a", account).param("u", username).param("s", sealed)
                .param("k", SecretSealer.masterKeyIdOf(sealed)).param("by", actor)
                .update();
        return metadata(tenantId, account).orElseThrow();
    }

    public Optional<Metadata> metadata(String tenantId, String account) {
        return jdbc.sql("""
                        SELECT account_code, username, master_key_id, updated_by, updated_at FROM broker_credentials
                        WHERE tenant_id = :t AND account_code = :a""")
                .param("t", tenantId).param("a", account)
                .query((rs, n) -> new Metadata(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /**
     * The account's credentials in clear, for logging in to the gateway.
     *
     * @throws io.oms.infra.crypto.CryptoFailure when the master key that sealed them is not available
     */
    public Optional<GatewayLogin> open(String tenantId, String account) {
        return jdbc.sql("SELECT username, password_sealed FROM broker_credentials WHERE tenant_id = :t AND account_code = :a")
                .param("t", tenantId).param("a", account)
                .query((rs, n) -> new GatewayLogin(rs.getString(1),
                        sealer.openString(rs.getString(2), context(tenantId, account))))
                .optional();
    }
}
