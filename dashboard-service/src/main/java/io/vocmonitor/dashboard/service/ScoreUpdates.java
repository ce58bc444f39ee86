package io.vocmonitor.dashboard.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vocmonitor.events.ScoreUpdate;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans the score-update notices this instance receives out to the open score streams. */
@ApplicationScoped
public class ScoreUpdates {

    private final BroadcastProcessor<ScoreUpdate> processor = BroadcastProcessor.create();

    public void publish(ScoreUpdate update) {
        processor.onNext(update);
    }

    /** The notices of one organisation, from now on. */
    public Multi<ScoreUpdate> of(String organisationId) {
        return processor.filter(update -> update.organisationId().equals(organisationId));
    }
}
