package io.vocmonitor.dashboard.store;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import io.vocmonitor.runtime.Daemons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Watches what the dashboard reads from ({@link Reads}): whether it is a standby, and how far its replay is behind the
 * primary, once a second, as {@code voc_dashboard_replica_lag_seconds}. On the primary the lag is 0. While the read
 * server does not answer, the lag grows from its last known value: the answers, if any, are at least that old.
 *
 * <p>A read server of its own ({@code VOC_DB_READ_URL}) that fails two looks in a row — an error, or no answer within
 * {@value #LOOK_TIMEOUT_MS} ms — is left for the primary: the dashboard keeps answering, from there (the datasource
 * {@code fallback}), until the read server answers again and has replayed all the primary had written when it was
 * looked at; {@code voc_dashboard_reads_on_primary} is 1 meanwhile.
 */
@ApplicationScoped
public class ReadReplica {

    /** Seconds since the last transaction the standby replayed, 0 when it has replayed all it has received. */
    static final String LAG = """
            SELECT pg_is_in_recovery(),
                   CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                        ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0) END
            """;

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    /** Whether the standby has replayed up to a position of the primary's WAL (the parameter). */
    static final String REPLAYED = "SELECT coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0, false)";

    /** Failed looks in a row after which the reads go to the primary. */
    static final int MISSES_BEFORE_FALLBACK = 2;
    /** How long one look may take: a read server that does not answer within it counts as failed. */
    static final int LOOK_TIMEOUT_MS = 2000;

    private final AgroalDataSource readServer;
    private final AgroalDataSource primary;
    /** Whether the read server is another than the primary, so that there is something to fall back to. */
    private final boolean separate;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("read-replica-watch"));
    private volatile boolean standby;
    private volatile double lagSeconds;
    private volatile long measuredAt = System.nanoTime();
    private volatile boolean unreachable;
    private volatile boolean onPrimary;
    private int misses;

    public ReadReplica(@DataSource("reads") AgroalDataSource readServer, @DataSource("fallback") AgroalDataSource primary,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String primaryUrl,
            @ConfigProperty(name = "quarkus.datasource.reads.jdbc.url") String readUrl, MeterRegistry registry) {
        this.readServer = readServer;
        this.primary = primary;
        this.separate = !readUrl.equals(primaryUrl);
        Gauge.builder("voc.dashboard.reads.on.primary", this, replica -> replica.onPrimary() ? 1 : 0)
                .description("1 while the dashboard reads from the primary because its read server (VOC_DB_READ_URL) "
                        + "does not answer or has not caught up since")
                .register(registry);
        Gauge.builder("voc.dashboard.replica.lag", this, ReadReplica::lagSeconds)
                .description("How far the read server (VOC_DB_READ_URL) is behind the primary: 0 on the primary, "
                        + "else seconds since the last transaction it replayed while more is received than replayed; "
                        + "while it does not answer, the last value plus the time since")
                .baseUnit("seconds")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        measure();
        timer.scheduleWithFixedDelay(this::measure, 1, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** Whether the dashboard reads from a standby (a streaming replica) now, as of the last look. */
    public boolean standby() {
        return standby && !onPrimary;
    }

    /** Whether the reads go to the primary for now, the read server having failed. */
    public boolean onPrimary() {
        return onPrimary;
    }

    /** The replay lag in seconds as of now: the last measure, plus the time since, while the server does not answer. */
    public double lagSeconds() {
        return unreachable ? lagSeconds + (System.nanoTime() - measuredAt) / 1e9 : lagSeconds;
    }

    void measure() {
        try (Connection c = readServer.getConnection()) {
            int timeout = c.getNetworkTimeout();
            c.setNetworkTimeout(Runnable::run, LOOK_TIMEOUT_MS);
            try {
                look(c);
            } finally {
                c.setNetworkTimeout(Runnable::run, timeout);
            }
        } catch (SQLException | RuntimeException e) {
            if (!unreachable) {
                LOG.warnf("the read server does not answer: %s", e.getMessage());
                unreachable = true;
            }
            if (++misses >= MISSES_BEFORE_FALLBACK && separate && !onPrimary) {
                LOG.warn("reads go to the primary until the read server answers again");
                onPrimary = true;
            }
        }
    }

    private void look(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(LAG)) {
            rows.next();
            standby = rows.getBoolean(1);
            lagSeconds = rows.getDouble(2);
        }
        measuredAt = System.nanoTime();
        if (unreachable) {
            LOG.infof("the read server answers again (standby: %s)", standby);
        }
        unreachable = false;
        misses = 0;
        if (onPrimary && replayedAllOfPrimary(c)) {
            LOG.info("reads go to the read server again: it has caught up");
            onPrimary = false;
        }
    }

    /** Whether the standby has replayed everything the primary had written a moment ago: it may be read again. */
    private boolean replayedAllOfPrimary(Connection standby) throws SQLException {
        String written;
        try (Connection c = primary.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rows.next();
            written = rows.getString(1);
        } catch (SQLException e) {
            return false; // the primary did not say: stay where the reads are
        }
        try (PreparedStatement s = standby.prepareStatement(REPLAYED)) {
            s.setString(1, written);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }
}
