package io.vocmonitor.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rules every {@link ResponseSubmitted} obeys (SPEC §2, §5.1), whoever checks them: which items and
 * questions its instrument has ({@link InstrumentDefinition}), the range of every answer, required answers, and
 * the lengths of the free-text fields. The survey-service reports the violations of a posted response by field;
 * readers of the topic refuse a record that has any.
 */
public final class ResponseRules {

    /** Longest accepted comment, in characters (SPEC §2.3). */
    public static final int MAX_COMMENT_LENGTH = 4000;
    /** Longest accepted touchpoint label, in characters. */
    public static final int MAX_TOUCHPOINT_LENGTH = 100;
    /** Longest accepted unit label (Service Excellence Scan), in characters: a touchpoint's. */
    public static final int MAX_UNIT_LENGTH = MAX_TOUCHPOINT_LENGTH;
    /** Longest accepted respondent reference, in characters. */
    public static final int MAX_RESPONDENT_REF_LENGTH = 200;
    /** The earliest accepted {@code answeredAt}: older dates are typing errors, not feedback. */
    public static final Instant EARLIEST_ANSWER = Instant.parse("2000-01-01T00:00:00Z");

    /** The instruments the organisation's own people answer, and those its customers answer, as messages name them. */
    private static final String STAFF_INSTRUMENTS = instruments(d -> d.respondents() == InstrumentDefinition.Respondents.STAFF);
    private static final String CUSTOMER_INSTRUMENTS =
            instruments(d -> d.respondents() == InstrumentDefinition.Respondents.CUSTOMERS);

    private ResponseRules() {
    }

    /** Every rule the response breaks, by field; empty when it is valid. */
    public static List<Violation> violations(ResponseSubmitted r) {
        List<Violation> violations = new ArrayList<>();
        required(violations, "responseId", r.responseId());
        required(violations, "organisationId", r.organisationId());
        required(violations, "answeredAt", r.answeredAt());
        required(violations, "receivedAt", r.receivedAt());
        required(violations, "channel", r.channel());
        if (r.answeredAt() != null && r.answeredAt().isBefore(EARLIEST_ANSWER)) {
            violations.add(new Violation("answeredAt", "lies before " + EARLIEST_ANSWER));
        }
        label(violations, "touchpoint", r.touchpoint(), MAX_TOUCHPOINT_LENGTH);
        label(violations, "respondentRef", r.respondentRef(), MAX_RESPONDENT_REF_LENGTH);
        label(violations, "unit", r.unit(), MAX_UNIT_LENGTH);
        comment(violations, r.comment());
        if (r.instrument() == null) {
            violations.add(new Violation("instrument", "required: one of " + names(Instrument.values())));
            return violations;
        }
        InstrumentDefinition definition = InstrumentDefinition.of(r.instrument());
        for (Question question : Question.values()) {
            question(violations, definition, question, question.answerIn(r));
        }
        segments(violations, definition, r);
        answers(violations, definition, r.answers(), r.notApplicableItems());
        return violations;
    }

    /** Customers' responses have a channel and a touchpoint, staff's a role and a unit (SPEC §2.4), never both. */
    private static void segments(List<Violation> violations, InstrumentDefinition definition, ResponseSubmitted r) {
        String staffInstruments = STAFF_INSTRUMENTS;
        String customerInstruments = CUSTOMER_INSTRUMENTS;
        if (definition.respondents() == InstrumentDefinition.Respondents.STAFF) {
            if (r.channel() != null && r.channel() != Channel.OTHER) {
                violations.add(new Violation("channel", "only asked on " + customerInstruments
                        + "; a " + definition.instrument() + " response has a role and a unit instead"));
            }
            if (r.touchpoint() != null) {
                violations.add(new Violation("touchpoint", "only asked on " + customerInstruments
                        + "; a " + definition.instrument() + " response names its department or team as unit"));
            }
            return;
        }
        if (r.role() != null) {
            violations.add(new Violation("role", "only asked on " + staffInstruments));
        }
        if (r.unit() != null) {
            violations.add(new Violation("unit", "only asked on " + staffInstruments + "; customers' responses name a "
                    + "touchpoint"));
        }
        if (!r.notApplicableItems().isEmpty()) {
            violations.add(new Violation("notApplicable", "only on " + staffInstruments + "; on "
                    + definition.instrument() + " leave a question that does not apply out, or null"));
        }
    }

    private static String instruments(Predicate<InstrumentDefinition> which) {
        return String.join(", ", Arrays.stream(Instrument.values()).map(InstrumentDefinition::of).filter(which)
                .map(d -> d.instrument().name()).toList());
    }

    private static void question(List<Violation> violations, InstrumentDefinition definition, Question question,
            Object answer) {
        String field = question.field();
        if (answer == null) {
            if (definition.requires(question)) {
                violations.add(new Violation(field, "required on " + definition.instrument()
                        + (question == Question.RELATIONSHIP ? ": one of " + names(RelationshipOutcome.values()) : "")));
            }
        } else if (!definition.asks(question)) {
            violations.add(new Violation(field, "only asked on " + String.join(", ", Arrays.stream(Instrument.values())
                    .filter(i -> InstrumentDefinition.of(i).asks(question)).map(Enum::name).toList())));
        } else if (question.scale() != null && answer instanceof Integer value && !question.scale().contains(value)) {
            violations.add(outOfRange(field, question.scale(), value));
        }
    }

    private static void answers(List<Violation> violations, InstrumentDefinition definition, Map<String, Integer> answers,
            List<String> notApplicable) {
        for (Map.Entry<String, Integer> answer : answers.entrySet()) {
            String field = "answers." + answer.getKey();
            InstrumentDefinition.Item item = definition.item(answer.getKey()).orElse(null);
            if (item == null) {
                violations.add(notAnItem(field, definition));
            } else if (answer.getValue() == null || !item.allows(answer.getValue())) {
                violations.add(new Violation(field, "must be " + item.allowed() + ", got " + answer.getValue()));
            }
        }
        for (String id : notApplicable) {
            String field = "notApplicable." + id;
            if (definition.item(id).isEmpty()) {
                violations.add(notAnItem(field, definition));
            } else if (answers.containsKey(id)) {
                violations.add(new Violation(field, "answered and not applicable at once"));
            }
        }
        if (definition.itemRequired() && answers.isEmpty()) {
            violations.add(new Violation("answers", notApplicable.isEmpty()
                    ? "at least one of its items must be answered (" + itemIds(definition) + ")"
                    : "at least one statement must be answered other than NA"));
        }
    }

    private static Violation notAnItem(String field, InstrumentDefinition definition) {
        return new Violation(field, "not an item of " + definition.instrument() + "; its items are "
                + itemIds(definition));
    }

    private static String itemIds(InstrumentDefinition definition) {
        return String.join(", ", definition.items().stream().map(InstrumentDefinition.Item::id).toList());
    }

    private static Violation outOfRange(String field, Scale scale, Integer value) {
        return new Violation(field, "must be " + scale.range() + ", got " + value);
    }

    private static void required(List<Violation> violations, String field, Object value) {
        if (value == null) {
            violations.add(new Violation(field, "required"));
        }
    }

    /** A short single-line label: no control characters, at most {@code max} characters. */
    private static void label(List<Violation> violations, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field, "must not contain control characters"));
        } else if (value.codePointCount(0, value.length()) > max) {
            violations.add(new Violation(field, "longer than " + max + " characters"));
        }
    }

    /** Free text: line breaks and tabs allowed, other control characters not. */
    private static void comment(List<Violation> violations, String value) {
        if (value == null) {
            return;
        }
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            violations.add(new Violation("comment", "must not contain control characters other than line breaks and tabs"));
        } else if (value.codePointCount(0, value.length()) > MAX_COMMENT_LENGTH) {
            violations.add(new Violation("comment", "longer than " + MAX_COMMENT_LENGTH + " characters"));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
