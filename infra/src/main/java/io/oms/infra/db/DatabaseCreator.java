package io.oms.infra.db;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates the application's PostgreSQL database on first start. Plain JDBC, no Spring: it runs before the
 * application context (and its connection pool) exists.
 */
public final class DatabaseCreator {
    private static final String PREFIX = "jdbc:postgresql://";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private DatabaseCreator() {}

    /**
     * Connects to the {@code postgres} database on the host and port of {@code jdbcUrl} and creates the
     * database the URL names unless it exists.
     *
     * @return true when the database was created by this call
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL or the name is not a plain identifier
     */
    public static boolean ensureDatabase(String jdbcUrl, String user, String password) {
        String name = databaseName(jdbcUrl);
        String adminUrl = adminUrl(jdbcUrl);
        try (Connection c = DriverManager.getConnection(adminUrl, user, password == null ? "" : password)) {
            if (exists(c, name)) {
                return false;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
                return true;
            } catch (SQLException e) {
                if ("42P04".equals(e.getSQLState())) { // duplicate_database: created concurrently
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops the database the URL names (closing its connections) and creates it empty: for test runs. */
    public static void recreateDatabase(String jdbcUrl, String user, String password) {
        String name = databaseName(jdbcUrl);
        try (Connection c = DriverManager.getConnection(adminUrl(jdbcUrl), user, password == null ? "" : password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name + ": " + e.getMessage(), e);
        }
        ensureDatabase(jdbcUrl, user, password);
    }

    /** The database name of a {@code jdbc:postgresql://host[:port]/name[?params]} URL, validated as an identifier. */
    static String databaseName(String jdbcUrl) {
        URI uri = parse(jdbcUrl);
        String path = uri.getPath();
        String name = path == null || path.length() < 2 ? "" : path.substring(1);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must be a plain identifier: '" + name + "'");
        }
        return name;
    }

    /** The same URL (host, port, parameters) pointing at the {@code postgres} maintenance database. */
    static String adminUrl(String jdbcUrl) {
        URI uri = parse(jdbcUrl);
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return PREFIX + uri.getRawAuthority() + "/postgres" + query;
    }

    private static URI parse(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a jdbc:postgresql:// URL: " + jdbcUrl);
        }
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        if (uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("PostgreSQL URL without host: " + jdbcUrl);
        }
        return uri;
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
