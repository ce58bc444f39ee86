package io.vocmonitor.scoring.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vocmonitor.events.AlertKind;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes the alert outbox to {@code voc.alerts}: right after each batch, on a thread of its own so the
 * consumer goes on with the next batch meanwhile, and every few seconds for whatever a broker outage or a crash
 * left behind. Rows are deleted only after the broker acknowledged them.
 */
@ApplicationScoped
public class AlertRelay {

    public static final String CHANNEL = "alerts";

    private static final Logger LOG = Logger.getLogger(AlertRelay.class);
    private static final int CHUNK = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final MutinyEmitter<String> emitter;
    private final ScoringMetrics metrics;
    private final ReentrantLock publishing = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService relayThread = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "alert-relay");
        thread.setDaemon(true);
        return thread;
    });

    public AlertRelay(AgroalDataSource dataSource, @Channel(CHANNEL) MutinyEmitter<String> emitter,
            ScoringMetrics metrics) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.metrics = metrics;
    }

    /**
     * Has the pending alert events published soon, without waiting for it; requests made while one is waiting to
     * start are served by that one.
     */
    public void publishPendingSoon() {
        if (requested.compareAndSet(false, true)) {
            relayThread.execute(() -> {
                requested.set(false);
                publishPending();
            });
        }
    }

    @PreDestroy
    void stop() {
        relayThread.shutdown();
    }

    /** Publishes every pending alert event, oldest first; failures stay pending for the next sweep. */
    public void publishPending() {
        publishing.lock();
        try {
            while (publishChunk() == CHUNK) {
                // more may be waiting
            }
        } catch (Exception e) {
            LOG.warnf("alerts not published yet, will retry: %s", e.toString());
        } finally {
            publishing.unlock();
        }
    }

    @Scheduled(every = "${voc.alerts.sweep-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        publishPending();
    }

    private int publishChunk() throws SQLException {
        record Pending(long id, String organisationId, String kind, String payload) {
        }
        List<Pending> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, organisation_id, kind, payload FROM scoring.alert_outbox ORDER BY id LIMIT " + CHUNK);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                pending.add(new Pending(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
        }
        if (pending.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>();
        for (Pending alert : pending) {
            acks.add(emitter.sendMessage(Message.of(alert.payload()).addMetadata(
                    OutgoingKafkaRecordMetadata.<String>builder().withKey(alert.organisationId()).build())));
        }
        Uni.join().all(acks).andFailFast().await().atMost(ACK_TIMEOUT);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM scoring.alert_outbox WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("bigint", pending.stream().map(Pending::id).toArray(Long[]::new)));
            s.executeUpdate();
        }
        pending.stream().filter(p -> p.kind() != null).forEach(p -> metrics.alertEmitted(AlertKind.valueOf(p.kind())));
        return pending.size();
    }
}
