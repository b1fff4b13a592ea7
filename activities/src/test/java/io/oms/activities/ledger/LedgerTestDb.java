package io.oms.activities.ledger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.oms.infra.db.DatabaseCreator;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real test database {@code oms_test} (override with OMS_TEST_DB_URL / OMS_TEST_DB_USER /
 * OMS_TEST_DB_PASSWORD), created and migrated once per JVM without a Spring context. (infra's TestDb is
 * not shared across modules: that would need a test-jar.)
 */
public final class LedgerTestDb {
    static final String URL = env("OMS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/oms_test");
    static final String USER = env("OMS_TEST_DB_USER", "postgres");
    static final String PASSWORD = env("OMS_TEST_DB_PASSWORD", "");

    private static LedgerTestDb instance;

    public final JdbcClient jdbc;
    public final TransactionTemplate tx;

    private LedgerTestDb(HikariDataSource ds) {
        this.jdbc = JdbcClient.create(ds);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
    }

    public static synchronized LedgerTestDb get() {
        if (instance == null) {
            DatabaseCreator.ensureDatabase(URL, USER, PASSWORD);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(URL);
            config.setUsername(USER);
            config.setPassword(PASSWORD);
            config.setMaximumPoolSize(4);
            HikariDataSource ds = new HikariDataSource(config);
            Flyway flyway = Flyway.configure().dataSource(ds).cleanDisabled(false).load();
            try {
                flyway.migrate();
            } catch (FlywayValidateException e) { // a stale test database from an edited migration
                flyway.clean();
                flyway.migrate();
            }
            instance = new LedgerTestDb(ds);
        }
        return instance;
    }

    /** A fresh tenant, so tests never see each other's rows. */
    public String newTenant() {
        String id = "t-" + randomHex(6);
        jdbc.sql("INSERT INTO tenants (id, name) VALUES (:id, :id)").param("id", id).update();
        return id;
    }

    public static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
