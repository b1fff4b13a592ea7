package io.oms.api.mfa;

import com.zaxxer.hikari.HikariDataSource;
import io.oms.infra.db.DatabaseCreator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The real test database (OMS_TEST_DB_URL, as the infra tests use it), migrated, for controller tests that need
 * the MFA services without a Spring context. A history that no longer matches the migrations is rebuilt.
 */
final class MfaTestDatabase {
    private static DataSource dataSource;

    private MfaTestDatabase() {}

    static synchronized DataSource get() {
        if (dataSource == null) {
            String url = env("OMS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/oms_test");
            String user = env("OMS_TEST_DB_USER", "postgres");
            String password = env("OMS_TEST_DB_PASSWORD", "");
            DatabaseCreator.ensureDatabase(url, user, password);
            HikariDataSource ds = new HikariDataSource();
            ds.setJdbcUrl(url);
            ds.setUsername(user);
            ds.setPassword(password);
            ds.setMaximumPoolSize(2);
            Flyway flyway = Flyway.configure().dataSource(ds).cleanDisabled(false).load();
            try {
                flyway.migrate();
            } catch (org.flywaydb.core.api.exception.FlywayValidateException edited) {
                flyway.clean();
                flyway.migrate();
            }
            dataSource = ds;
        }
        return dataSource;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
