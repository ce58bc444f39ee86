package io.vocmonitor.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Checks for a PostgreSQL server and bootstraps the platform's database on it. */
final class DatabaseSetup {

    private static final Pattern DATABASE_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private DatabaseSetup() {
    }

    static int check(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: pg-check JDBC_URL USER");
            return 2;
        }
        try (Connection ignored = DriverManager.getConnection(args[0] + "?connectTimeout=3", args[1], "")) {
            return 0;
        } catch (SQLException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** Drops the database, with every response and score in it: for a fresh start. */
    static int drop(String[] args) throws SQLException {
        if (args.length != 3 || !DATABASE_NAME.matcher(args[2]).matches()) {
            System.err.println("usage: drop-db SERVER_URL SUPERUSER DATABASE");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(args[0].replaceAll("/+$", "") + "/postgres", args[1], "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + args[2] + " WITH (FORCE)");
        }
        System.out.println("  database " + args[2] + " dropped");
        return 0;
    }

    /** Creates the database when missing and runs init.sql in it: roles, schemas, grants. Safe to repeat. */
    static int init(String[] args) throws SQLException, IOException {
        if (args.length != 3 || !DATABASE_NAME.matcher(args[2]).matches()) {
            System.err.println("usage: init-db SERVER_URL SUPERUSER DATABASE (e.g. jdbc:postgresql://127.0.0.1:5432 postgres voc)");
            return 2;
        }
        String server = args[0].replaceAll("/+$", "");
        String superuser = args[1];
        String database = args[2];
        try (Connection c = DriverManager.getConnection(server + "/postgres", superuser, "")) {
            boolean exists;
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                s.setString(1, database);
                try (ResultSet row = s.executeQuery()) {
                    exists = row.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + database);
                }
                System.out.println("  database " + database + " created");
            }
        }
        try (InputStream in = DatabaseSetup.class.getClassLoader().getResourceAsStream("voc-db/init.sql");
             Connection c = DriverManager.getConnection(server + "/" + database, superuser, "");
             Statement s = c.createStatement()) {
            if (in == null) {
                throw new IOException("voc-db/init.sql is missing from the classpath");
            }
            s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        System.out.println("  database " + database + ": roles voc_survey, voc_scoring, voc_dashboard and their schemas ready");
        return 0;
    }
}
