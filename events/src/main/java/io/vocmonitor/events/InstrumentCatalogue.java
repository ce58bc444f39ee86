package io.vocmonitor.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The questionnaire of every instrument as front-ends read it (SPEC §5 {@code GET /api/v1/instruments}, on the
 * survey-service and the dashboard-service alike), rendered from the instruments' definitions: items and questions,
 * their scales and statements in English and Dutch.
 */
public final class InstrumentCatalogue {

    /** An answer scale: bounds and the labels of its ends. */
    public record ScaleInfo(int min, int max, Map<String, Text> labels) {

        static ScaleInfo of(Scale scale) {
            return scale == null ? null : new ScaleInfo(scale.min(), scale.max(),
                    Map.of(Integer.toString(scale.min()), scale.lowest(), Integer.toString(scale.max()), scale.highest()));
        }
    }

    /** A choice with its label, such as a role. */
    public record Choice(String id, Text label) {
    }

    /** An answer word of a statement answered in words, with its points; {@code NA} has none. */
    public record Answer(String word, Integer points, Text label) {
    }

    /**
     * One question.
     *
     * @param field where the answer goes in a posted response: {@code answers.<id>} or a top-level field
     * @param scale the numeric scale; null for a statement answered in words
     * @param construct the ServiceProof construct the aspect rolls up into; null elsewhere
     * @param group the building block or result area of a scan statement; null elsewhere
     * @param answers the answer words of a scan statement, NA last; null elsewhere
     */
    public record Item(String id, String field, Text statement, ScaleInfo scale, String construct, String group,
            List<Answer> answers, boolean required) {
    }

    /**
     * A group of scan statements: a building block ({@code BLOCK}) or a result area ({@code RESULT_AREA}), with
     * the points of its highest answer.
     */
    public record Group(String id, String kind, Text title, Text covers, int maxPoints) {
    }

    /** One outcome of the relationship question. */
    public record Outcome(String id, Text label, int impact) {
    }

    /**
     * One instrument.
     *
     * @param invitation  what a questionnaire form tells its respondents before they start
     * @param respondents CUSTOMERS (responses have a channel and a touchpoint) or STAFF (a role and a unit)
     * @param itemRequired whether a response must answer at least one item (other than NA)
     * @param roles the roles a staff response may name; empty for customers
     * @param groups the scan's building blocks and result areas, in questionnaire order; empty elsewhere
     * @param readingQuestions the questions the method asks of a scan's figures; empty elsewhere
     */
    public record InstrumentInfo(String id, Text name, Text description, Text invitation, String respondents,
            boolean itemRequired, List<Item> items,
            List<Outcome> outcomes, List<Choice> roles, List<Group> groups, List<Text> readingQuestions) {
    }

    public record Catalogue(List<InstrumentInfo> instruments) {
    }

    private static final Catalogue CATALOGUE = new Catalogue(Arrays.stream(Instrument.values())
            .map(instrument -> info(InstrumentDefinition.of(instrument))).toList());

    private InstrumentCatalogue() {
    }

    public static Catalogue catalogue() {
        return CATALOGUE;
    }

    /** One instrument's entry of the catalogue. */
    public static InstrumentInfo info(Instrument instrument) {
        return CATALOGUE.instruments().get(instrument.ordinal());
    }

    private static InstrumentInfo info(InstrumentDefinition definition) {
        List<Item> items = new ArrayList<>();
        for (InstrumentDefinition.Item item : definition.items()) {
            boolean words = item.words() != null;
            items.add(new Item(item.id(), "answers." + item.id(), item.statement(), ScaleInfo.of(item.scale()),
                    words ? null : item.group(), words ? item.group() : null, words ? answers(item.words()) : null,
                    false));
        }
        for (Question question : definition.questions()) {
            items.add(new Item(question.field(), question.field(), question.statement(), ScaleInfo.of(question.scale()),
                    null, null, null, definition.requires(question)));
        }
        List<Outcome> outcomes = !definition.asks(Question.RELATIONSHIP) ? List.of()
                : Arrays.stream(RelationshipOutcome.values())
                        .map(outcome -> new Outcome(outcome.name(), outcome.label(), outcome.impact())).toList();
        boolean staff = definition.respondents() == InstrumentDefinition.Respondents.STAFF;
        List<Choice> roles = !staff ? List.of()
                : Arrays.stream(ScanRole.values()).map(role -> new Choice(role.name(), role.label())).toList();
        boolean scan = definition.instrument() == Instrument.SERVICE_EXCELLENCE_SCAN;
        List<Group> groups = !scan ? List.of() : Arrays.stream(ScanCatalogue.Group.values())
                .map(group -> new Group(group.name(), group.scale() == ScanScale.ELEMENT ? "BLOCK" : "RESULT_AREA",
                        group.title(), group.covers(), group.scale().maxPoints()))
                .toList();
        return new InstrumentInfo(definition.instrument().name(), definition.name(), definition.description(),
                definition.invitation(), definition.respondents().name(), definition.itemRequired(), items, outcomes,
                roles, groups,
                scan ? ScanCatalogue.READING_QUESTIONS : List.of());
    }

    private static List<Answer> answers(ScanScale scale) {
        List<Answer> answers = new ArrayList<>();
        scale.words().forEach(word -> answers.add(new Answer(word.word(), word.points(), word.label())));
        answers.add(new Answer(ScanScale.NOT_APPLICABLE, null, ScanScale.NOT_APPLICABLE_LABEL));
        return answers;
    }
}
