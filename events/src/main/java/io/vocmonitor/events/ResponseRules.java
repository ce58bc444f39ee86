package io.vocmonitor.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The structural rules every {@link ResponseSubmitted} obeys (SPEC §2, §5.1): which items belong to which
 * instrument and the range of every answer. The survey service enforces them on input with field-level
 * messages; readers of the topic use {@link #violations} to refuse a record that breaks them.
 */
public final class ResponseRules {

    /** Longest accepted comment, in characters (SPEC §2.3). */
    public static final int MAX_COMMENT_LENGTH = 4000;
    /** Longest accepted touchpoint label, in characters. */
    public static final int MAX_TOUCHPOINT_LENGTH = 100;
    /** Longest accepted respondent reference, in characters. */
    public static final int MAX_RESPONDENT_REF_LENGTH = 200;

    private static final Set<String> SERVICEPROOF_ITEMS = names(ServiceProofAspect.values());
    private static final Set<String> RECOVERY_ITEMS = names(RecoveryDriver.values());

    private ResponseRules() {
    }

    /** The agreement items (aspects or drivers) that the instrument's {@code answers} may hold. */
    public static Set<String> items(Instrument instrument) {
        return switch (instrument) {
            case SERVICEPROOF -> SERVICEPROOF_ITEMS;
            case SERVICE_RECOVERY -> RECOVERY_ITEMS;
        };
    }

    /** Every rule the event breaks, as "field: problem" lines; empty when it is well-formed. */
    public static List<String> violations(ResponseSubmitted r) {
        List<String> problems = new ArrayList<>();
        if (r.responseId() == null) {
            problems.add("responseId: missing");
        }
        if (r.organisationId() == null || r.organisationId().isBlank()) {
            problems.add("organisationId: missing");
        }
        if (r.answeredAt() == null) {
            problems.add("answeredAt: missing");
        }
        if (r.receivedAt() == null) {
            problems.add("receivedAt: missing");
        }
        if (r.channel() == null) {
            problems.add("channel: missing");
        }
        if (r.instrument() == null) {
            problems.add("instrument: missing or unknown");
            return problems;
        }
        Set<String> items = items(r.instrument());
        r.answers().forEach((item, answer) -> {
            if (!items.contains(item)) {
                problems.add("answers." + item + ": not an item of " + r.instrument());
            } else if (answer == null || !Scale.AGREEMENT.contains(answer)) {
                problems.add("answers." + item + ": must be 1..5");
            }
        });
        if (r.instrument() == Instrument.SERVICEPROOF) {
            if (r.answers().isEmpty()) {
                problems.add("answers: at least one aspect must be answered");
            }
            if (r.relationship() != null) {
                problems.add("relationship: only on " + Instrument.SERVICE_RECOVERY);
            }
            if (r.brandEffect() != null) {
                problems.add("brandEffect: only on " + Instrument.SERVICE_RECOVERY);
            }
        } else if (r.relationship() == null) {
            problems.add("relationship: required on " + Instrument.SERVICE_RECOVERY);
        }
        checkScale(problems, "brandEffect", r.brandEffect(), Scale.BRAND_EFFECT);
        checkScale(problems, "recommend", r.recommend(), Scale.RECOMMEND);
        checkScale(problems, "effort", r.effort(), Scale.EFFORT);
        checkScale(problems, "satisfaction", r.satisfaction(), Scale.SATISFACTION);
        checkLength(problems, "comment", r.comment(), MAX_COMMENT_LENGTH);
        checkLength(problems, "touchpoint", r.touchpoint(), MAX_TOUCHPOINT_LENGTH);
        checkLength(problems, "respondentRef", r.respondentRef(), MAX_RESPONDENT_REF_LENGTH);
        return problems;
    }

    private static void checkScale(List<String> problems, String field, Integer answer, Scale scale) {
        if (answer != null && !scale.contains(answer)) {
            problems.add(field + ": must be " + scale.min() + ".." + scale.max());
        }
    }

    private static void checkLength(List<String> problems, String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(field + ": longer than " + max + " characters");
        }
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }
}
