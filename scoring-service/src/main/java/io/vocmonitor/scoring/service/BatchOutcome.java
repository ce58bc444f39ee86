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

    public long applied(Instrument instrument) {
        return applied.stream().filter(r -> r.instrument() == instrument).count();
    }
}
