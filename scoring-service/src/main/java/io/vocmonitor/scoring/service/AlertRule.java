package io.vocmonitor.scoring.service;

import io.vocmonitor.events.AlertKind;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseSubmitted;
import java.util.Optional;

/**
 * Which responses need a follow-up (SPEC §3): relationship broken or weakened, or a detractor
 * (recommend ≤ 6) who left a comment. One alert per response, of its most serious kind.
 */
public final class AlertRule {

    private static final int HIGHEST_DETRACTOR_ANSWER = 6;

    private AlertRule() {
    }

    public static Optional<AlertKind> kindOf(ResponseSubmitted response) {
        if (response.relationship() == RelationshipOutcome.BROKEN) {
            return Optional.of(AlertKind.RELATIONSHIP_BROKEN);
        }
        if (response.relationship() == RelationshipOutcome.WEAKENED) {
            return Optional.of(AlertKind.RELATIONSHIP_WEAKENED);
        }
        if (response.recommend() != null && response.recommend() <= HIGHEST_DETRACTOR_ANSWER
                && response.comment() != null && !response.comment().isBlank()) {
            return Optional.of(AlertKind.DETRACTOR_COMMENT);
        }
        return Optional.empty();
    }
}
