package io.vocmonitor.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads and writes the events of SPEC §3 as JSON; the one place their wire format is defined. */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // newer writers may add fields within a schema version; readers skip what they do not know
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static String encode(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record of {@link Topics#RESPONSES}, refusing anything that breaks the contract. */
    public static ResponseEvent decodeResponseEvent(String json) throws UnreadableEventException {
        JsonNode node = readObject(json);
        requireSchemaVersion(node, ResponseEvent.SCHEMA_VERSION);
        String type = node.path("type").asText("");
        ResponseEvent event = switch (type) {
            case ResponseSubmitted.TYPE -> convert(node, ResponseSubmitted.class);
            case ResponseRetracted.TYPE -> convert(node, ResponseRetracted.class);
            default -> throw new UnreadableEventException("unknown-type", "unknown event type '" + type + "'");
        };
        if (event.responseId() == null || event.organisationId() == null) {
            throw new UnreadableEventException("invalid", "responseId and organisationId are required");
        }
        if (event instanceof ResponseSubmitted submitted) {
            List<Violation> violations = ResponseRules.violations(submitted);
            if (!violations.isEmpty()) {
                throw new UnreadableEventException("invalid",
                        String.join("; ", violations.stream().map(Violation::toString).toList()));
            }
        }
        return event;
    }

    /** Reads a record of {@link Topics#ALERTS}. */
    public static AlertEvent decodeAlertEvent(String json) throws UnreadableEventException {
        JsonNode node = readObject(json);
        requireSchemaVersion(node, AlertEvent.SCHEMA_VERSION);
        String type = node.path("type").asText("");
        AlertEvent event = switch (type) {
            case AlertRaised.TYPE -> convert(node, AlertRaised.class);
            case AlertWithdrawn.TYPE -> convert(node, AlertWithdrawn.class);
            default -> throw new UnreadableEventException("unknown-type", "unknown event type '" + type + "'");
        };
        if (event.alertId() == null || event.responseId() == null || event.organisationId() == null
                || event instanceof AlertRaised raised && (raised.kind() == null || raised.answeredAt() == null
                        || raised.channel() == null)) {
            throw new UnreadableEventException("invalid", "alertId, responseId, organisationId, kind, channel and "
                    + "answeredAt are required");
        }
        return event;
    }

    public static ScoreUpdate decodeScoreUpdate(String json) throws UnreadableEventException {
        JsonNode node = readObject(json);
        requireSchemaVersion(node, ScoreUpdate.SCHEMA_VERSION);
        return convert(node, ScoreUpdate.class);
    }

    private static JsonNode readObject(String json) throws UnreadableEventException {
        if (json == null) {
            throw new UnreadableEventException("not-json", "empty record");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new UnreadableEventException("not-json", "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("not-json", "not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void requireSchemaVersion(JsonNode node, int expected) throws UnreadableEventException {
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() != expected) {
            throw new UnreadableEventException("unsupported-schema-version",
                    "schemaVersion " + version + " is not " + expected);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) throws UnreadableEventException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new UnreadableEventException("invalid", "not a valid " + type.getSimpleName() + ": " + message, e);
        }
    }
}
