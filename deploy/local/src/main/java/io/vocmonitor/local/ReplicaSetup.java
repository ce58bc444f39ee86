package io.vocmonitor.local;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The primary's side of {@code ./voc up --replica}: a physical replication slot that keeps the WAL a standby has not
 * received yet, the check (and, where this user may write it, the grant) of replication connections from 127.0.0.1,
 * the low-level base backup of a server whose binaries have no {@code pg_basebackup} (the embedded one), the
 * standby's replay lag, and dropping the slot when the replica goes.
 */
final class ReplicaSetup {

    /** The slot the replica streams from. */
    static final String SLOT = "voc_replica";

    private static final Pattern PORT = Pattern.compile("^[1-9][0-9]{0,4}$");
    private static final String HBA_LINE = "host    replication     all             127.0.0.1/32            trust";

    /**
     * What a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"): the WAL (the standby
     * streams it), the running server's files, and directories the server empties at start.
     */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "standby.signal", "recovery.signal", "postgresql.auto.conf.tmp");

    private ReplicaSetup() {
    }

    /**
     * {@code replica-check SERVER_URL SUPERUSER}: prints the server's major version, then exits 0 when it takes a
     * replication connection from 127.0.0.1 without a password, 3 when it refuses one (its pg_hba.conf has no such line).
     */
    static int check(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: replica-check SERVER_URL SUPERUSER");
            return 2;
        }
        try (Connection c = connect(args[0], args[1]); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
            rows.next();
            System.out.println(rows.getInt(1));
        }
        return replicationAllowed(args[0], args[1]) ? 0 : 3;
    }

    /**
     * {@code replica-allow SERVER_URL SUPERUSER}: appends a line for replication connections from 127.0.0.1 to the
     * server's pg_hba.conf and reloads it; for a local server this user may configure.
     */
    static int allow(String[] args) throws SQLException, IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: replica-allow SERVER_URL SUPERUSER");
            return 2;
        }
        Path hba;
        try (Connection c = connect(args[0], args[1]); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SHOW hba_file")) {
            rows.next();
            hba = Path.of(rows.getString(1));
        }
        if (!Files.isWritable(hba)) {
            System.err.println(hba + " is not writable by this user; add the line\n  " + HBA_LINE
                    + "\nto it and reload the server (SELECT pg_reload_conf())");
            return 1;
        }
        Files.writeString(hba, "\n# added by ./voc up --replica: a standby on this machine streams from this server\n"
                + HBA_LINE + "\n", StandardOpenOption.APPEND);
        try (Connection c = connect(args[0], args[1]); Statement s = c.createStatement()) {
            s.execute("SELECT pg_reload_conf()");
        }
        System.out.println("  added to " + hba + ": " + HBA_LINE.replaceAll(" +", " "));
        // the reload is asynchronous: the postmaster reads the file when it gets to the signal
        for (int attempt = 0; attempt < 50; attempt++) {
            if (replicationAllowed(args[0], args[1])) {
                return 0;
            }
            Thread.sleep(100);
        }
        System.err.println("the server still refuses replication connections after the reload");
        return 1;
    }

    /** {@code replica-slot SERVER_URL SUPERUSER}: the slot, reserving WAL from now on, unless it exists. */
    static int slot(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: replica-slot SERVER_URL SUPERUSER");
            return 2;
        }
        try (Connection c = connect(args[0], args[1])) {
            createSlot(c);
        }
        return 0;
    }

    /** {@code replica-drop-slot SERVER_URL SUPERUSER}: without its standby, a slot would keep the WAL forever. */
    static int dropSlot(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: replica-drop-slot SERVER_URL SUPERUSER");
            return 2;
        }
        try (Connection c = connect(args[0], args[1]); PreparedStatement s = c.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ? AND NOT active")) {
            s.setString(1, SLOT);
            s.execute();
        }
        return 0;
    }

    /**
     * {@code replica-backup SERVER_URL SUPERUSER PRIMARY_DATA_DIR REPLICA_DATA_DIR}: a base backup of a primary on this
     * machine without pg_basebackup — {@code pg_backup_start()}, a copy of its data directory while it runs,
     * {@code pg_backup_stop()}, whose label the copy keeps as {@code backup_label} — made a standby of it:
     * {@code standby.signal} and the connection to stream from, through the slot.
     */
    static int backup(String[] args) throws SQLException, IOException {
        if (args.length != 4) {
            System.err.println("usage: replica-backup SERVER_URL SUPERUSER PRIMARY_DATA_DIR REPLICA_DATA_DIR");
            return 2;
        }
        String server = args[0].replaceAll("/+$", "");
        String port = server.replaceAll("^.*:", "");
        if (!PORT.matcher(port).matches()) {
            System.err.println("SERVER_URL needs a port: jdbc:postgresql://127.0.0.1:PORT");
            return 2;
        }
        Path source = Path.of(args[2]).toAbsolutePath();
        Path target = Path.of(args[3]).toAbsolutePath();
        if (Files.exists(target.resolve("PG_VERSION"))) {
            System.err.println(target + " holds a data directory already");
            return 1;
        }
        Files.createDirectories(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        try (Connection c = connect(server, args[1]); Statement s = c.createStatement()) {
            createSlot(c);
            boolean since15;
            try (ResultSet rows = s.executeQuery("SELECT current_setting('server_version_num')::int >= 150000")) {
                rows.next();
                since15 = rows.getBoolean(1);
            }
            // a non-exclusive backup lasts as long as this session: start, copy and stop on the one connection
            s.execute(since15 ? "SELECT pg_backup_start('voc-replica', true)"
                    : "SELECT pg_start_backup('voc-replica', true, false)");
            long bytes = copy(source, target);
            try (ResultSet rows = s.executeQuery(since15 ? "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)"
                    : "SELECT labelfile, spcmapfile FROM pg_stop_backup(false, false)")) {
                rows.next();
                Files.writeString(target.resolve("backup_label"), rows.getString(1));
                String tablespaces = rows.getString(2);
                if (tablespaces != null && !tablespaces.isBlank()) {
                    Files.writeString(target.resolve("tablespace_map"), tablespaces);
                }
            }
            System.out.printf("  copied %d MB of %s%n", bytes >> 20, source);
        }
        Files.writeString(target.resolve("standby.signal"), "");
        Files.writeString(target.resolve("postgresql.auto.conf"), standbySettings(port, args[1]),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return 0;
    }

    /**
     * {@code replica-lag REPLICA_URL USER}: seconds since the last transaction the standby replayed, 0 when it has
     * replayed all it received; exits 1 when the server is not a standby.
     */
    static int lag(String[] args) throws SQLException {
        if (args.length != 2) {
            System.err.println("usage: replica-lag REPLICA_URL USER");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(args[0] + "?connectTimeout=3", args[1], "");
             Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT pg_is_in_recovery(), "
                     + "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                     + "ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END")) {
            rows.next();
            if (!rows.getBoolean(1)) {
                System.err.println("not a standby");
                return 1;
            }
            System.out.printf("%.1f%n", rows.getDouble(2));
            return 0;
        }
    }

    /** What makes the copy stream from the primary, appended to its postgresql.auto.conf. */
    static String standbySettings(String primaryPort, String user) {
        return "# a standby of the primary on 127.0.0.1:" + primaryPort + " (./voc up --replica)\n"
                + "primary_conninfo = 'host=127.0.0.1 port=" + primaryPort + " user=" + user
                + " application_name=voc-replica'\n"
                + "primary_slot_name = '" + SLOT + "'\n"
                + "hot_standby = on\n"
                // the standby tells the primary which rows its queries still read, so that a long read is not cancelled
                + "hot_standby_feedback = on\n";
    }

    private static void createSlot(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_create_physical_replication_slot(?, true) "
                + "WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = ?)")) {
            s.setString(1, SLOT);
            s.setString(2, SLOT);
            s.execute();
        }
    }

    /** The data directory as the low-level API asks: every file, the emptied directories kept empty. */
    private static long copy(Path source, Path target) throws IOException {
        long[] bytes = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path copy = target.resolve(source.relativize(dir).toString());
                Files.createDirectories(copy);
                if (!dir.equals(source) && EMPTIED.contains(dir.getFileName().toString())
                        && dir.getParent().equals(source)) {
                    if (dir.getFileName().toString().equals("pg_wal")) {
                        Files.createDirectories(copy.resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                boolean top = file.getParent().equals(source);
                if ((top && LEFT_OUT.contains(name)) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(source.relativize(file).toString()),
                            StandardCopyOption.REPLACE_EXISTING);
                    bytes[0] += attributes.size();
                } catch (NoSuchFileException dropped) {
                    // a relation dropped while the copy ran: the WAL replayed from the backup's start drops it too
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        return bytes[0];
    }

    /** Whether the server takes a physical replication connection from this machine, as a standby would open one. */
    private static boolean replicationAllowed(String server, String user) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        properties.setProperty("replication", "true");
        properties.setProperty("assumeMinServerVersion", "9.4");
        properties.setProperty("preferQueryMode", "simple");
        properties.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(server.replaceAll("/+$", "") + "/postgres", properties);
             Statement s = c.createStatement()) {
            s.execute("IDENTIFY_SYSTEM");
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    private static Connection connect(String server, String superuser) throws SQLException {
        return DriverManager.getConnection(server.replaceAll("/+$", "") + "/postgres?connectTimeout=3", superuser, "");
    }
}
