package io.vocmonitor.dashboard.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vocmonitor.dashboard.store.BucketReader;
import io.vocmonitor.dashboard.store.ReadReplica;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.runtime.Daemons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Fans the score-update notices this instance receives out to the open score streams. When the dashboard reads from a
 * streaming replica, a notice waits until the replica has replayed its version (looked at every 20 ms, for at most
 * {@link #LONGEST_WAIT}): a dashboard that re-reads on the notice then gets the new scores, not the old ones under the
 * old tag, which it would keep until the next change.
 */
@ApplicationScoped
public class ScoreUpdates {

    /** How long a notice waits for the replica before it is passed on all the same. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(ScoreUpdates.class);

    private record Waiting(ScoreUpdate update, long since) {
    }

    private final BroadcastProcessor<ScoreUpdate> processor = BroadcastProcessor.create();
    private final ReadReplica replica;
    private final BucketReader buckets;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Daemons.named("score-updates-replay-wait"));

    public ScoreUpdates(ReadReplica replica, BucketReader buckets) {
        this.replica = replica;
        this.buckets = buckets;
        timer.scheduleWithFixedDelay(this::releaseReplayed, 20, 20, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    public void publish(ScoreUpdate update) {
        if (replica.standby()) {
            waiting.add(new Waiting(update, System.nanoTime()));
        } else {
            processor.onNext(update);
        }
    }

    /** The notices of one organisation, from now on. */
    public Multi<ScoreUpdate> of(String organisationId) {
        return processor.filter(update -> update.organisationId().equals(organisationId));
    }

    /** Passes on the waiting notices whose versions the replica shows, and those that waited long enough. */
    void releaseReplayed() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; (next = waiting.poll()) != null; ) {
            batch.add(next);
        }
        Set<String> organisations = new TreeSet<>();
        batch.forEach(w -> organisations.add(w.update().organisationId()));
        Map<String, Map<Instrument, Long>> replayed;
        try {
            replayed = buckets.versions(organisations);
        } catch (RuntimeException e) {
            LOG.warnf("the replica's score versions could not be read; %d notices wait: %s", batch.size(),
                    e.getMessage());
            replayed = Map.of();
        }
        long now = System.nanoTime();
        for (Waiting w : batch) {
            ScoreUpdate update = w.update();
            long version = replayed.getOrDefault(update.organisationId(), Map.of()).getOrDefault(update.instrument(), 0L);
            if (version >= update.version() || now - w.since() >= LONGEST_WAIT.toNanos()) {
                processor.onNext(update);
            } else {
                waiting.add(w);
            }
        }
    }
}
