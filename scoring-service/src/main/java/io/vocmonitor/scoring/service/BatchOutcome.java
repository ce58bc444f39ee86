package io.vocmonitor.scoring.service;

import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.ScoreUpdate;
import java.util.List;

/**
 * What one committed batch changed.
 *
 * @param applied the responses counted for the first time
 * @param duplicates submissions of responses counted (or retracted) before
 * @param retracted responses taken out of the aggregates
 * @param updates the new score versions, one per organisation and instrument that changed
 * @param alerts alert events queued in the outbox (raised and withdrawn)
 */
public record BatchOutcome(List<ResponseSubmitted> applied, int duplicates, List<ResponseSubmitted> retracted,
        List<ScoreUpdate> updates, int alerts) {

    public static final BatchOutcome NOTHING = new BatchOutcome(List.of(), 0, List.of(), List.of(), 0);

    public long applied(Instrument instrument) {
        return applied.stream().filter(r -> r.instrument() == instrument).count();
    }

    /** Both outcomes together, as if applied as one batch. */
    public BatchOutcome plus(BatchOutcome other) {
        return new BatchOutcome(concat(applied, other.applied), duplicates + other.duplicates,
                concat(retracted, other.retracted), concat(updates, other.updates), alerts + other.alerts);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
