package io.oms.infra.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.oms.infra.TestDb;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class DatabaseCreatorTest {

    @Test
    void createsAMissingDatabaseOnceAndThenLeavesItAlone() throws Exception {
        String name = "oms_creator_" + TestDb.randomHex(4);
        String url = "jdbc:postgresql://127.0.0.1:5432/" + name;
        try {
            assertThat(DatabaseCreator.ensureDatabase(url, TestDb.USER, TestDb.PASSWORD)).isTrue();
            assertThat(DatabaseCreator.ensureDatabase(url, TestDb.USER, TestDb.PASSWORD)).isFalse();
            try (var c = DriverManager.getConnection(url, TestDb.USER, TestDb.PASSWORD)) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            try (var c = DriverManager.getConnection(DatabaseCreator.adminUrl(url), TestDb.USER, TestDb.PASSWORD);
                    var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }

    @Test
    void refusesADatabaseNameThatIsNotAPlainIdentifier() {
        assertThatThrownBy(() -> DatabaseCreator.ensureDatabase("jdbc:postgresql://127.0.0.1:5432/x\";drop", "postgres", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DatabaseCreator.ensureDatabase("jdbc:mysql://127.0.0.1/oms", "postgres", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminUrlKeepsHostPortAndParametersButNamesThePostgresDatabase() {
        assertThat(DatabaseCreator.adminUrl("jdbc:postgresql://db.example:6543/oms?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db.example:6543/postgres?sslmode=require");
        assertThat(DatabaseCreator.databaseName("jdbc:postgresql://db.example:6543/oms?sslmode=require")).isEqualTo("oms");
    }
}
