package io.vocmonitor.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A validated survey response, as published by the survey service (SPEC §3).
 *
 * @param answers item name → answer; on the Service Excellence Scan the answer word's points
 * @param relationship required on {@link Instrument#SERVICE_RECOVERY}, absent otherwise
 * @param role who answered a Service Excellence Scan; absent elsewhere
 * @param unit the department or team of a Service Excellence Scan's respondent, as posted; absent elsewhere
 * @param notApplicable the Service Excellence Scan's statements answered NA: counted, left out of every score
 */
public record ResponseSubmitted(
        int schemaVersion,
        String type,
        UUID responseId,
        String organisationId,
        Instrument instrument,
        Instant answeredAt,
        Instant receivedAt,
        Channel channel,
        String touchpoint,
        String respondentRef,
        Map<String, Integer> answers,
        RelationshipOutcome relationship,
        Integer brandEffect,
        Integer recommend,
        Integer effort,
        Integer satisfaction,
        String comment,
        ScanRole role,
        String unit,
        List<String> notApplicable) implements ResponseEvent {

    public static final String TYPE = "ResponseSubmitted";

    public ResponseSubmitted {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
        notApplicable = notApplicable == null || notApplicable.isEmpty() ? null : List.copyOf(notApplicable);
    }

    /** The statements answered NA, empty when none. */
    public List<String> notApplicableItems() {
        return notApplicable == null ? List.of() : notApplicable;
    }

    /** The same response with another respondent reference (e.g. its pseudonym). */
    public ResponseSubmitted withRespondentRef(String ref) {
        return new ResponseSubmitted(schemaVersion, type, responseId, organisationId, instrument, answeredAt, receivedAt,
                channel, touchpoint, ref, answers, relationship, brandEffect, recommend, effort, satisfaction, comment, role,
                unit, notApplicable);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a submission with the current schema version and type. */
    public static final class Builder {
        private UUID responseId;
        private String organisationId;
        private Instrument instrument;
        private Instant answeredAt;
        private Instant receivedAt;
        private Channel channel = Channel.OTHER;
        private String touchpoint;
        private String respondentRef;
        private final Map<String, Integer> answers = new java.util.LinkedHashMap<>();
        private RelationshipOutcome relationship;
        private Integer brandEffect;
        private Integer recommend;
        private Integer effort;
        private Integer satisfaction;
        private String comment;
        private ScanRole role;
        private String unit;
        private final List<String> notApplicable = new ArrayList<>();

        private Builder() {
        }

        public Builder responseId(UUID responseId) {
            this.responseId = responseId;
            return this;
        }

        public Builder organisationId(String organisationId) {
            this.organisationId = organisationId;
            return this;
        }

        public Builder instrument(Instrument instrument) {
            this.instrument = instrument;
            return this;
        }

        public Builder answeredAt(Instant answeredAt) {
            this.answeredAt = answeredAt;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder touchpoint(String touchpoint) {
            this.touchpoint = touchpoint;
            return this;
        }

        public Builder respondentRef(String respondentRef) {
            this.respondentRef = respondentRef;
            return this;
        }

        /** Records an answer; a null answer (not applicable) is left out. */
        public Builder answer(String item, Integer answer) {
            if (answer != null) {
                answers.put(item, answer);
            }
            return this;
        }

        public Builder relationship(RelationshipOutcome relationship) {
            this.relationship = relationship;
            return this;
        }

        public Builder brandEffect(Integer brandEffect) {
            this.brandEffect = brandEffect;
            return this;
        }

        public Builder recommend(Integer recommend) {
            this.recommend = recommend;
            return this;
        }

        public Builder effort(Integer effort) {
            this.effort = effort;
            return this;
        }

        public Builder satisfaction(Integer satisfaction) {
            this.satisfaction = satisfaction;
            return this;
        }

        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        public Builder role(ScanRole role) {
            this.role = role;
            return this;
        }

        public Builder unit(String unit) {
            this.unit = unit;
            return this;
        }

        /** Records a statement answered NA (Service Excellence Scan). */
        public Builder notApplicable(String item) {
            notApplicable.add(item);
            return this;
        }

        public ResponseSubmitted build() {
            return new ResponseSubmitted(SCHEMA_VERSION, TYPE, responseId, organisationId, instrument, answeredAt,
                    receivedAt, channel, touchpoint, respondentRef, answers, relationship, brandEffect, recommend,
                    effort, satisfaction, comment, role, unit, notApplicable);
        }
    }
}
