package io.vocmonitor.survey.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vocmonitor.events.Channel;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.InstrumentDefinition;
import io.vocmonitor.events.Question;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseRules;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Scale;
import io.vocmonitor.events.ScanRole;
import io.vocmonitor.events.ScanScale;
import io.vocmonitor.events.Violation;
import io.vocmonitor.survey.config.SurveyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a posted response (SPEC §5.1) into a {@link ResponseSubmitted}: reads the JSON into types, then applies the
 * instrument's rule book ({@link ResponseRules}), and refuses the response with one violation per invalid field.
 * What it checks itself is only what JSON can get wrong (a string where a number belongs, an unknown field, a
 * malformed UUID or timestamp) and the ingest window of {@code answeredAt}. Unknown fields are refused: a
 * misspelt optional question would otherwise be lost without anyone noticing.
 */
@ApplicationScoped
public class ResponseParser {

    private static final int MAX_NESTING_DEPTH = 16;
    /** The top-level fields of a posted response: its metadata, its items and the other questions. */
    private static final Set<String> FIELDS;

    static {
        Set<String> fields = new LinkedHashSet<>(List.of("responseId", "instrument", "answeredAt", "channel",
                "touchpoint", "respondentRef", "answers", "role", "unit"));
        Arrays.stream(Question.values()).map(Question::field).forEach(fields::add);
        FIELDS = Set.copyOf(fields);
    }

    private final ObjectMapper mapper;
    private final SurveyConfig config;

    public ResponseParser(SurveyConfig config) {
        this.config = config;
        this.mapper = JsonMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build());
    }

    /** Reads a JSON body: {@link InvalidInput} when it is not JSON (or not UTF-8), {@link ContentTooLarge} over the limit. */
    public JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInput("body", "the request body is empty");
        }
        long limit = config.limits().jsonBody().asLongValue();
        if (body.length > limit) {
            // a body sent without Content-Length is only measured here; BodyLimits refuses announced ones unread
            throw new ContentTooLarge("JSON bodies may have at most " + limit + " bytes; split the batch");
        }
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new InvalidInput("body", "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInput("body", "unreadable body: " + e.getMessage());
        }
    }

    /** One response of the organisation, received now; {@link InvalidInput} naming every invalid field. */
    public ResponseSubmitted parse(String organisationId, JsonNode node, Instant receivedAt) {
        if (node == null || !node.isObject()) {
            throw new InvalidInput("body", "must be a JSON object (one response)");
        }
        Reading reading = new Reading(node);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                reading.error(name, "unknown field; the fields are " + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        ResponseSubmitted.Builder builder = ResponseSubmitted.builder().organisationId(organisationId).receivedAt(receivedAt);
        JsonNode responseId = reading.present("responseId");
        builder.responseId(responseId == null ? UUID.randomUUID() : reading.uuid(responseId, "responseId"));
        Instrument instrument = reading.constant("instrument", Instrument.class);
        builder.instrument(instrument);
        JsonNode answeredAt = reading.present("answeredAt");
        builder.answeredAt(answeredAt == null ? receivedAt : answeredAt(reading, answeredAt, receivedAt));
        Channel channel = reading.constant("channel", Channel.class);
        builder.channel(channel == null ? Channel.OTHER : channel);
        builder.touchpoint(reading.label("touchpoint"));
        builder.respondentRef(reading.label("respondentRef"));
        builder.role(reading.constant("role", ScanRole.class));
        builder.unit(reading.label("unit"));
        builder.comment(reading.comment(Question.COMMENT.field()));
        builder.relationship(reading.constant(Question.RELATIONSHIP.field(), RelationshipOutcome.class));
        builder.brandEffect(reading.integer(Question.BRAND_EFFECT.field(), Question.BRAND_EFFECT.scale()));
        builder.recommend(reading.integer(Question.RECOMMEND.field(), Question.RECOMMEND.scale()));
        builder.effort(reading.integer(Question.EFFORT.field(), Question.EFFORT.scale()));
        builder.satisfaction(reading.integer(Question.SATISFACTION.field(), Question.SATISFACTION.scale()));
        reading.answers(instrument, builder);

        ResponseSubmitted response = builder.build();
        List<Violation> violations = new ArrayList<>(reading.errors);
        // a field that could not be read has said what is wrong with it; the rules would only repeat it
        ResponseRules.violations(response).stream().filter(v -> !reading.erred(v.field())).forEach(violations::add);
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        return response;
    }

    private Instant answeredAt(Reading reading, JsonNode node, Instant receivedAt) {
        Instant instant = reading.timestamp(node, "answeredAt");
        if (instant != null && instant.isAfter(receivedAt.plus(config.maxClockSkew()))) {
            reading.error("answeredAt", "lies in the future (more than " + config.maxClockSkew().toMinutes()
                    + " minutes after now)");
            return null;
        }
        return instant;
    }

    /** The JSON of one response, read field by field; what cannot be read is an error of that field. */
    private static final class Reading {
        private final JsonNode node;
        private final List<Violation> errors = new ArrayList<>();

        Reading(JsonNode node) {
            this.node = node;
        }

        void error(String field, String detail) {
            errors.add(new Violation(field, detail));
        }

        /** Whether the field, one inside it or the one it is in could not be read. */
        boolean erred(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + ".")
                    || field.startsWith(e.field() + "."));
        }

        /** The field's node, or null when it is absent or JSON null (not applicable). */
        JsonNode present(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value;
        }

        <E extends Enum<E>> E constant(String field, Class<E> type) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            if (!value.isTextual()) {
                error(field, "must be a string: one of " + allowed);
                return null;
            }
            try {
                return Enum.valueOf(type, value.textValue());
            } catch (IllegalArgumentException e) {
                error(field, "unknown value '" + abbreviate(value.textValue()) + "'; one of " + allowed);
                return null;
            }
        }

        Integer integer(String field, Scale scale) {
            return integer(present(field), field, scale);
        }

        Integer integer(JsonNode value, String field, Scale scale) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                error(field, "must be an integer" + (scale == null ? "" : " " + scale.range()) + " or null");
                return null;
            }
            return value.intValue();
        }

        UUID uuid(JsonNode value, String field) {
            if (value.isTextual()) {
                try {
                    UUID uuid = UUID.fromString(value.textValue());
                    if (uuid.toString().equalsIgnoreCase(value.textValue())) {
                        return uuid;
                    }
                } catch (IllegalArgumentException e) {
                    // reported below
                }
            }
            error(field, "must be a UUID such as 0d4c7c1e-2f0a-4c55-9d7e-1c1f3f7b2a10");
            return null;
        }

        Instant timestamp(JsonNode value, String field) {
            if (value.isTextual()) {
                try {
                    return OffsetDateTime.parse(value.textValue()).toInstant();
                } catch (DateTimeParseException e) {
                    // reported below
                }
            }
            error(field, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-20T10:15:00Z");
            return null;
        }

        /** A label: trimmed; empty means absent. */
        String label(String field) {
            String value = text(field);
            return value == null || value.strip().isEmpty() ? null : value.strip();
        }

        /** Free text as written; blank means absent. */
        String comment(String field) {
            String value = text(field);
            return value == null || value.isBlank() ? null : value;
        }

        private String text(String field) {
            JsonNode value = present(field);
            if (value == null) {
                return null;
            }
            if (!value.isTextual()) {
                error(field, "must be a string");
                return null;
            }
            return value.textValue();
        }

        /**
         * The answers object: item → integer, or item → answer word for statements answered in words (the scan, whose
         * {@code NA} becomes {@code notApplicable}); which items the instrument has and their ranges are the rules'.
         */
        void answers(Instrument instrument, ResponseSubmitted.Builder builder) {
            JsonNode answers = present("answers");
            if (answers == null) {
                return;
            }
            if (!answers.isObject()) {
                error("answers", "must be an object of item → answer");
                return;
            }
            InstrumentDefinition definition = instrument == null ? null : InstrumentDefinition.of(instrument);
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                InstrumentDefinition.Item item = definition == null ? null : definition.item(entry.getKey()).orElse(null);
                String field = "answers." + entry.getKey();
                if (item != null && item.words() != null) {
                    word(entry.getValue(), field, item, builder);
                } else if (item == null && entry.getValue() != null && entry.getValue().isTextual()) {
                    // an unknown item answered in words: the rules name the items; a word is not a number
                    builder.answer(entry.getKey(), 0);
                } else {
                    builder.answer(entry.getKey(), integer(entry.getValue(), field, item == null ? null : item.scale()));
                }
            }
        }

        /** A statement answered in words: its points, or NA; a word of the other scale is named as such. */
        private void word(JsonNode value, String field, InstrumentDefinition.Item item, ResponseSubmitted.Builder builder) {
            if (value == null || value.isNull()) {
                return;
            }
            ScanScale scale = item.words();
            String allowed = String.join(", ", scale.words().stream().map(ScanScale.Word::word).toList()) + " or "
                    + ScanScale.NOT_APPLICABLE;
            if (!value.isTextual()) {
                error(field, "must be an answer word: " + allowed);
                return;
            }
            String text = value.textValue();
            if (text.equals(ScanScale.NOT_APPLICABLE)) {
                builder.notApplicable(item.id());
                return;
            }
            Optional<ScanScale.Word> word = scale.word(text);
            if (word.isPresent()) {
                builder.answer(item.id(), word.get().points());
                return;
            }
            Optional<ScanScale> other = Arrays.stream(ScanScale.values()).filter(s -> s.word(text).isPresent()).findFirst();
            error(field, other.isPresent()
                    ? "'" + text + "' answers " + describe(other.get()) + "; " + describe(scale) + " are answered "
                            + allowed
                    : "unknown answer '" + abbreviate(text) + "'; one of " + allowed);
        }

        private static String describe(ScanScale scale) {
            return scale == ScanScale.ELEMENT ? "building-block statements" : "result-area statements";
        }

        private static String abbreviate(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }
    }
}
