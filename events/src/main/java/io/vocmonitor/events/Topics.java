package io.vocmonitor.events;

import java.util.Map;

/** The Kafka topics of SPEC §3. Every record on them is keyed by the organisation id. */
public final class Topics {
    /** {@link ResponseSubmitted} and {@link ResponseRetracted}; 6 partitions locally. */
    public static final String RESPONSES = "voc.responses";
    /** Records the scoring service could not read, with the reason in headers; 1 partition. */
    public static final String RESPONSES_DLQ = "voc.responses.dlq";
    /** Closed-loop alerts; 3 partitions. */
    public static final String ALERTS = "voc.alerts";
    /** Records of {@link #ALERTS} the dashboard's inbox could not read or store, with the reason in headers; 1 partition. */
    public static final String ALERTS_DLQ = "voc.alerts.dlq";
    /** {@link ScoreUpdate} notices after each applied batch; 3 partitions. */
    public static final String SCORE_UPDATES = "voc.score-updates";

    /** Partition counts of a local single-broker installation. */
    public static final Map<String, Integer> LOCAL_PARTITIONS = Map.of(
            RESPONSES, 6,
            RESPONSES_DLQ, 1,
            ALERTS, 3,
            ALERTS_DLQ, 1,
            SCORE_UPDATES, 3);

    private Topics() {
    }
}
