package io.vocmonitor.dashboard.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vocmonitor.runtime.Daemons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Watches what the dashboard reads from ({@link Reads}): whether it is a standby, and how far its replay is behind the
 * primary, once a second, as {@code voc_dashboard_replica_lag_seconds}. On the primary the lag is 0. While the read
 * server does not answer, the lag grows from its last known value: the answers, if any, are at least that old.
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

    private final Reads reads;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("read-replica-watch"));
    private volatile boolean standby;
    private volatile double lagSeconds;
    private volatile long measuredAt = System.nanoTime();
    private volatile boolean unreachable;

    public ReadReplica(Reads reads, MeterRegistry registry) {
        this.reads = reads;
        Gauge.builder("voc.dashboard.replica.lag", this, ReadReplica::lagSeconds)
                .description("How far the server the dashboard reads from is behind the primary: 0 on the primary, "
                        + "else seconds since the last transaction it replayed while more is received than replayed")
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

    /** Whether the dashboard reads from a standby (a streaming replica), as of the last look. */
    public boolean standby() {
        return standby;
    }

    /** The replay lag in seconds as of now: the last measure, plus the time since, while the server does not answer. */
    public double lagSeconds() {
        return unreachable ? lagSeconds + (System.nanoTime() - measuredAt) / 1e9 : lagSeconds;
    }

    void measure() {
        try (Connection c = reads.connection(); Statement s = c.createStatement(); ResultSet rows = s.executeQuery(LAG)) {
            rows.next();
            standby = rows.getBoolean(1);
            lagSeconds = rows.getDouble(2);
            measuredAt = System.nanoTime();
            if (unreachable) {
                LOG.infof("the read server answers again (standby: %s)", standby);
            }
            unreachable = false;
        } catch (SQLException | RuntimeException e) {
            if (!unreachable) {
                LOG.warnf("the read server does not answer: %s", e.getMessage());
                unreachable = true;
            }
        }
    }
}
