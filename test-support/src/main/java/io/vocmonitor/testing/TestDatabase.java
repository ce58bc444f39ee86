package io.vocmonitor.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
        return create(serverUrl(), purpose);
    }

    /**
     * Creates a fresh database named after {@code purpose} on the server of {@code serverUrl} (its superuser URL, e.g.
     * jdbc:postgresql://127.0.0.1:5432/postgres) and runs the bootstrap script in it.
     */
    public static TestDatabase create(String serverUrl, String purpose) {
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

    /** The views each owner publishes for readers, by schema, as {@code views-for-readers.sql} declares them. */
    public static final String VIEWS_FOR_READERS = "voc-db/views-for-readers.sql";

    /**
     * Creates stand-ins of the views the owners publish for readers ({@link #VIEWS_FOR_READERS}): tables of the same
     * names and columns, for a reader's tests to fill, without the owners' migrations.
     */
    public void createViewsForReaders() {
        runScript(VIEWS_FOR_READERS);
    }

    /**
     * The columns (name and type, in order) of every view the contract names in {@code schema}, as the contract
     * declares them, read in the database at {@code jdbcUrl}: compare with {@link #viewColumns} of the owner's real
     * views.
     */
    public static Map<String, List<String>> contractedViewColumns(String jdbcUrl, String schema) {
        String contract = "contract_" + schema;
        try (Connection c = DriverManager.getConnection(jdbcUrl, SUPERUSER, ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS contract_survey, contract_scoring CASCADE");
            s.execute("CREATE SCHEMA contract_survey; CREATE SCHEMA contract_scoring");
            s.execute(read(VIEWS_FOR_READERS).lines()
                    .filter(line -> !line.startsWith("GRANT"))
                    .map(line -> line.replace(" survey.", " contract_survey.").replace(" scoring.", " contract_scoring."))
                    .reduce("", (a, b) -> a + b + "\n"));
            Map<String, List<String>> views = columns(c, contract);
            s.execute("DROP SCHEMA contract_survey, contract_scoring CASCADE");
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the contract failed", e);
        }
    }

    /** The columns (name and type, in order) of every table or view in {@code schema} whose name ends in _view. */
    public static Map<String, List<String>> viewColumns(String jdbcUrl, String schema) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, SUPERUSER, "")) {
            return columns(c, schema);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the columns of " + schema + " failed", e);
        }
    }

    /** Whether {@code role} may read {@code relation} (schema.name) in the database at {@code jdbcUrl}. */
    public static boolean canSelect(String jdbcUrl, String role, String relation) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, SUPERUSER, "");
             PreparedStatement s = c.prepareStatement("SELECT has_table_privilege(?, ?, 'SELECT')")) {
            s.setString(1, role);
            s.setString(2, relation);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the privileges on " + relation + " failed", e);
        }
    }

    private static Map<String, List<String>> columns(Connection c, String schema) throws SQLException {
        Map<String, List<String>> views = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT table_name, column_name, udt_name FROM information_schema.columns
                WHERE table_schema = ? AND table_name LIKE '%\\_view' ORDER BY table_name, ordinal_position
                """)) {
            s.setString(1, schema);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    views.computeIfAbsent(rows.getString(1), name -> new ArrayList<>())
                            .add(rows.getString(2) + " " + rows.getString(3));
                }
            }
        }
        return views;
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
        try (Connection c = connect(SUPERUSER); Statement s = c.createStatement()) {
            s.execute(read(resource));
        } catch (SQLException e) {
            throw new IllegalStateException(resource + " failed in " + name, e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
