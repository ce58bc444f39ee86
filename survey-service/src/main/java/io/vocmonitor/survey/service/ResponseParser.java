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
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.ResponseRules;
import io.vocmonitor.events.ResponseSubmitted;
import io.vocmonitor.events.Scale;
import io.vocmonitor.survey.config.SurveyConfig;
import io.vocmonitor.survey.rest.Problem.FieldError;
import io.vocmonitor.survey.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns a posted response (SPEC §5.1) into a {@link ResponseSubmitted}, or refuses it with one error per
 * invalid field. Unknown fields are refused too: a misspelt optional question would otherwise be lost
 * without anyone noticing.
 */
@ApplicationScoped
public class ResponseParser {

    /** The earliest accepted {@code answeredAt}: older dates are typing errors, not feedback. */
    public static final Instant EARLIEST_ANSWER = Instant.parse("2000-01-01T00:00:00Z");
    private static final int MAX_NESTING_DEPTH = 16;
    private static final Set<String> FIELDS = Set.of("responseId", "instrument", "answeredAt", "channel",
            "touchpoint", "respondentRef", "answers", "brandEffect", "relationship", "recommend", "effort",
            "satisfaction", "comment");

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

    /** Reads a JSON body; 400 when it is not JSON (or not UTF-8), 413 when it is over the JSON limit. */
    public JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw ProblemException.invalid("body", "the request body is empty");
        }
        if (body.length > config.limits().jsonBody().asLongValue()) {
            // a body sent without Content-Length is only measured here; BodyLimits refuses announced ones unread
            throw ProblemException.tooLarge("JSON bodies may have at most " + config.limits().jsonBody().asLongValue()
                    + " bytes; split the batch");
        }
        try {
            return mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ProblemException.invalid("body", "JSON nested deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", "unreadable body: " + e.getMessage());
        }
    }

    /** Validates one response of {@code organisationId}; the field paths of errors start at {@code path}. */
    public ResponseSubmitted parse(String organisationId, JsonNode node, Instant receivedAt) {
        List<FieldError> errors = new ArrayList<>();
        ResponseSubmitted response = parse(organisationId, node, receivedAt, "", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return response;
    }

    ResponseSubmitted parse(String organisationId, JsonNode node, Instant receivedAt, String path,
            List<FieldError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new FieldError(path.isEmpty() ? "body" : path, "must be a JSON object (one response)"));
            return null;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new FieldError(path + name, "unknown field; the fields are " + String.join(", ",
                        FIELDS.stream().sorted().toList())));
            }
        }

        ResponseSubmitted.Builder builder = ResponseSubmitted.builder()
                .organisationId(organisationId)
                .receivedAt(receivedAt);

        JsonNode responseId = present(node, "responseId");
        if (responseId == null) {
            builder.responseId(UUID.randomUUID());
        } else {
            builder.responseId(uuid(responseId, path + "responseId", errors));
        }

        Instrument instrument = null;
        JsonNode instrumentNode = present(node, "instrument");
        if (instrumentNode == null) {
            errors.add(new FieldError(path + "instrument", "required: one of " + names(Instrument.values())));
        } else {
            instrument = constant(instrumentNode, Instrument.class, path + "instrument", errors);
            builder.instrument(instrument);
        }

        JsonNode answeredAt = present(node, "answeredAt");
        builder.answeredAt(answeredAt == null ? receivedAt : timestamp(answeredAt, receivedAt, path + "answeredAt", errors));

        JsonNode channel = present(node, "channel");
        builder.channel(channel == null ? Channel.OTHER : constant(channel, Channel.class, path + "channel", errors));
        builder.touchpoint(label(present(node, "touchpoint"), ResponseRules.MAX_TOUCHPOINT_LENGTH, path + "touchpoint", errors));
        builder.respondentRef(label(present(node, "respondentRef"), ResponseRules.MAX_RESPONDENT_REF_LENGTH,
                path + "respondentRef", errors));
        builder.comment(comment(present(node, "comment"), path + "comment", errors));

        builder.recommend(answer(present(node, "recommend"), Scale.RECOMMEND, path + "recommend", errors));
        builder.effort(answer(present(node, "effort"), Scale.EFFORT, path + "effort", errors));
        builder.satisfaction(answer(present(node, "satisfaction"), Scale.SATISFACTION, path + "satisfaction", errors));

        JsonNode relationship = present(node, "relationship");
        JsonNode brandEffect = present(node, "brandEffect");
        if (instrument == Instrument.SERVICE_RECOVERY) {
            if (relationship == null) {
                errors.add(new FieldError(path + "relationship",
                        "required on SERVICE_RECOVERY: one of " + names(RelationshipOutcome.values())));
            } else {
                builder.relationship(constant(relationship, RelationshipOutcome.class, path + "relationship", errors));
            }
            builder.brandEffect(answer(brandEffect, Scale.BRAND_EFFECT, path + "brandEffect", errors));
        } else if (instrument != null) {
            if (relationship != null) {
                errors.add(new FieldError(path + "relationship", "only asked on SERVICE_RECOVERY"));
            }
            if (brandEffect != null) {
                errors.add(new FieldError(path + "brandEffect", "only asked on SERVICE_RECOVERY"));
            }
        }

        if (instrument != null) {
            answers(node.get("answers"), instrument, builder, path + "answers", errors);
        }
        return errors.isEmpty() ? builder.build() : null;
    }

    private void answers(JsonNode answers, Instrument instrument, ResponseSubmitted.Builder builder, String path,
            List<FieldError> errors) {
        Set<String> items = ResponseRules.items(instrument);
        int answered = 0;
        if (answers != null && !answers.isNull()) {
            if (!answers.isObject()) {
                errors.add(new FieldError(path, "must be an object of item → answer 1..5"));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = answers.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String item = entry.getKey();
                if (!items.contains(item)) {
                    errors.add(new FieldError(path + "." + item, "not an item of " + instrument + "; its items are "
                            + String.join(", ", items.stream().sorted().toList())));
                    continue;
                }
                Integer answer = answer(entry.getValue(), Scale.AGREEMENT, path + "." + item, errors);
                if (answer != null) {
                    builder.answer(item, answer);
                    answered++;
                }
            }
        }
        if (instrument == Instrument.SERVICEPROOF && answered == 0 && errorsUnder(errors, path).isEmpty()) {
            errors.add(new FieldError(path, "at least one aspect must be answered (1..5)"));
        }
    }

    private static List<FieldError> errorsUnder(List<FieldError> errors, String path) {
        return errors.stream().filter(e -> e.field().startsWith(path)).toList();
    }

    /** The field's node, or null when it is absent or JSON null (not applicable). */
    private static JsonNode present(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static Integer answer(JsonNode node, Scale scale, String field, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError(field, "must be an integer " + scale.min() + ".." + scale.max() + " or null"));
            return null;
        }
        int value = node.intValue();
        if (!scale.contains(value)) {
            errors.add(new FieldError(field, "must be " + scale.min() + ".." + scale.max() + ", got " + value));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(JsonNode node, Class<E> type, String field, List<FieldError> errors) {
        String allowed = names(type.getEnumConstants());
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string: one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, node.textValue());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "unknown value '" + abbreviate(node.textValue()) + "'; one of " + allowed));
            return null;
        }
    }

    private static UUID uuid(JsonNode node, String field, List<FieldError> errors) {
        if (node.isTextual()) {
            try {
                UUID uuid = UUID.fromString(node.textValue());
                if (uuid.toString().equalsIgnoreCase(node.textValue())) {
                    return uuid;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        errors.add(new FieldError(field, "must be a UUID such as 0d4c7c1e-2f0a-4c55-9d7e-1c1f3f7b2a10"));
        return null;
    }

    private Instant timestamp(JsonNode node, Instant receivedAt, String field, List<FieldError> errors) {
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-20T10:15:00Z"));
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(node.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 timestamp with offset, e.g. 2026-11-20T10:15:00Z"));
            return null;
        }
        if (instant.isAfter(receivedAt.plus(config.maxClockSkew()))) {
            errors.add(new FieldError(field, "lies in the future (more than " + config.maxClockSkew().toMinutes()
                    + " minutes after now)"));
            return null;
        }
        if (instant.isBefore(EARLIEST_ANSWER)) {
            errors.add(new FieldError(field, "lies before " + EARLIEST_ANSWER));
            return null;
        }
        return instant;
    }

    /** A short single-line label: trimmed, no control characters; empty means absent. */
    private static String label(JsonNode node, int maxLength, String field, List<FieldError> errors) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.textValue().strip();
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "must not contain control characters"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            errors.add(new FieldError(field, "longer than " + maxLength + " characters"));
            return null;
        }
        return value.isEmpty() ? null : value;
    }

    /** Free text: line breaks and tabs allowed, other control characters not. */
    private static String comment(JsonNode node, String field, List<FieldError> errors) {
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        String value = node.textValue();
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.add(new FieldError(field, "must not contain control characters other than line breaks and tabs"));
            return null;
        }
        if (value.codePointCount(0, value.length()) > ResponseRules.MAX_COMMENT_LENGTH) {
            errors.add(new FieldError(field, "longer than " + ResponseRules.MAX_COMMENT_LENGTH + " characters"));
            return null;
        }
        return value.isBlank() ? null : value;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
