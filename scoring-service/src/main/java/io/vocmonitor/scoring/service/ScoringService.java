package io.vocmonitor.scoring.service;

import io.agroal.api.AgroalDataSource;
import io.vocmonitor.aggregates.ResponseContribution;
import io.vocmonitor.aggregates.ScoreSums;
import io.vocmonitor.events.AlertEvent;
import io.vocmonitor.events.AlertRaised;
import io.vocmonitor.events.AlertWithdrawn;
import io.vocmonitor.events.ResponseEvent;
import io.vocmonitor.events.ResponseRetracted;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScoreUpdate;
import io.vocmonitor.scoring.store.AlertOutbox;
import io.vocmonitor.scoring.store.ScoreStore;
import io.vocmonitor.scoring.store.TouchpointLabels;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies a batch of response events in one database transaction: the ledger decides which submissions are
 * new, their contributions and the subtractions of retracted responses are summed per bucket in memory, and
 * every touched bucket is updated once. Events apply in their order, so a retraction after its submission in
 * the same batch cancels it, and one before it keeps it from being counted.
 */
@ApplicationScoped
public class ScoringService {

    private final AgroalDataSource dataSource;
    private final ScoreStore store;
    private final TouchpointLabels touchpoints;
    private final AlertOutbox outbox;

    public ScoringService(AgroalDataSource dataSource, ScoreStore store, TouchpointLabels touchpoints, AlertOutbox outbox) {
        this.dataSource = dataSource;
        this.store = store;
        this.touchpoints = touchpoints;
        this.outbox = outbox;
    }

    /** Rolls back on any failure, checked ones included: a batch applies whole or not at all. */
    @Transactional(rollbackOn = Exception.class)
    public BatchOutcome apply(List<ReceivedEvent<ResponseEvent>> events) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<BucketKey, ScoreSums> deltas = new HashMap<>();
            List<ResponseSubmitted> applied = new ArrayList<>();
            List<ResponseSubmitted> retracted = new ArrayList<>();
            int duplicates = 0;

            // submissions are recorded in runs, one statement per run of consecutive submissions
            Map<UUID, ReceivedEvent<ResponseSubmitted>> run = new LinkedHashMap<>();
            for (ReceivedEvent<ResponseEvent> received : events) {
                ResponseEvent event = received.event();
                if (event instanceof ResponseSubmitted submitted) {
                    ReceivedEvent<ResponseSubmitted> submission = new ReceivedEvent<>(submitted, received.json());
                    if (run.putIfAbsent(submitted.responseId(), submission) != null) {
                        duplicates++;
                    }
                } else if (event instanceof ResponseRetracted retraction) {
                    duplicates += recordRun(connection, run, applied, deltas);
                    Optional<ResponseSubmitted> archived = store.retract(connection, retraction);
                    if (archived.isPresent()) {
                        ResponseSubmitted response = archived.get();
                        String label = touchpoints.labelsFor(connection, List.of(response), false).get(response);
                        retracted.add(response);
                        deltas.computeIfAbsent(BucketKey.of(response, label), k -> new ScoreSums())
                                .plus(ResponseContribution.of(response).negated());
                    }
                }
            }
            duplicates += recordRun(connection, run, applied, deltas);

            store.addToBuckets(connection, deltas);
            Set<OrganisationInstrument> changed = new LinkedHashSet<>();
            applied.forEach(r -> changed.add(new OrganisationInstrument(r.organisationId(), r.instrument())));
            retracted.forEach(r -> changed.add(new OrganisationInstrument(r.organisationId(), r.instrument())));
            List<ScoreUpdate> updates = store.bumpVersions(connection, changed);

            // closed-loop alerts travel through the outbox, committed with the scores they belong to
            Instant now = Instant.now();
            List<AlertEvent> alerts = new ArrayList<>();
            applied.forEach(r -> AlertRule.kindOf(r).ifPresent(kind -> alerts.add(AlertRaised.of(kind, r, now))));
            retracted.forEach(r -> AlertRule.kindOf(r).ifPresent(
                    kind -> alerts.add(AlertWithdrawn.of(r.responseId(), r.organisationId(), now))));
            outbox.enqueue(connection, alerts);
            return new BatchOutcome(applied, duplicates, retracted, updates, alerts.size());
        }
    }

    /** Records a run of submissions; adds the new ones to the deltas and answers how many were known. */
    private int recordRun(Connection connection, Map<UUID, ReceivedEvent<ResponseSubmitted>> run,
            List<ResponseSubmitted> applied,
            Map<BucketKey, ScoreSums> deltas) throws SQLException {
        if (run.isEmpty()) {
            return 0;
        }
        Set<UUID> fresh = store.recordNew(connection, List.copyOf(run.values()));
        List<ResponseSubmitted> newlyApplied = run.values().stream().map(ReceivedEvent::event)
                .filter(r -> fresh.contains(r.responseId())).toList();
        Map<ResponseSubmitted, String> labels = touchpoints.labelsFor(connection, newlyApplied, true);
        for (ResponseSubmitted response : newlyApplied) {
            applied.add(response);
            deltas.computeIfAbsent(BucketKey.of(response, labels.get(response)), k -> new ScoreSums())
                    .plus(ResponseContribution.of(response));
        }
        int known = run.size() - fresh.size();
        run.clear();
        return known;
    }
}
