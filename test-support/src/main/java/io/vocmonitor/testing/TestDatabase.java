package io.vocmonitor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL database of the test run's own, dropped when closed: on the server at 127.0.0.1:5432 when one
 * answers to the superuser, else on an embedded server (real PostgreSQL binaries) started once per JVM.
 * It is bootstrapped with the same {@code init.sql} as every other installation, so the services' roles and
 * schemas are the real ones.
 */
public final class TestDatabase implements AutoCloseable {

    /** System property or environment variable with the superuser URL of the server to use. */
    public static final String SERVER_URL_PROPERTY = "voc.test.postgres.url";
    private static final String DEFAULT_SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String SUPERUSER = "postgres";

    private static EmbeddedPostgres embedded;

    private final String serverUrl;
    private final String name;

    private TestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    /** Creates a fresh database named after {@code purpose} and runs the bootstrap script in it. */
    public static TestDatabase create(String purpose) {
        String serverUrl = serverUrl();
        String name = ("voc_test_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        try (Connection c = DriverManager.getConnection(serverUrl, SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        TestDatabase database = new TestDatabase(serverUrl, name);
        database.runScript("voc-db/init.sql");
        return database;
    }

    /** The JDBC URL of this database. */
    public String jdbcUrl() {
        return serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
    }

    public String name() {
        return name;
    }

    public String superuser() {
        return SUPERUSER;
    }

    /** A connection as {@code user} (the server trusts local connections, so no password). */
    public Connection connect(String user) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, "");
    }

    /** Runs another service's Flyway migrations as that service's role, to have its tables to read or fill. */
    public void migrate(String schema, String role, String location) {
        Flyway.configure()
                .dataSource(jdbcUrl(), role, "")
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(false)
                .locations(location)
                .load()
                .migrate();
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl, SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + name, e);
        }
    }

    private void runScript(String resource) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            try (Connection c = connect(SUPERUSER); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("bootstrap of " + name + " failed", e);
        }
    }

    private static synchronized String serverUrl() {
        String configured = System.getProperty(SERVER_URL_PROPERTY, System.getenv("VOC_TEST_POSTGRES_URL"));
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (embedded != null) {
            return embedded.getJdbcUrl(SUPERUSER, "postgres");
        }
        try (Connection c = DriverManager.getConnection(DEFAULT_SERVER_URL + "?connectTimeout=3", SUPERUSER, "")) {
            return DEFAULT_SERVER_URL;
        } catch (SQLException unavailable) {
            try {
                embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
                return embedded.getJdbcUrl(SUPERUSER, "postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("no PostgreSQL at " + DEFAULT_SERVER_URL
                        + " and the embedded one did not start", e);
            }
        }
    }
}
