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

    /**
     * One question.
     *
     * @param field where the answer goes in a posted response: {@code answers.<id>} or a top-level field
     * @param construct the ServiceProof construct the aspect rolls up into; null elsewhere
     */
    public record Item(String id, String field, Text statement, ScaleInfo scale, String construct, boolean required) {
    }

    /** One outcome of the relationship question. */
    public record Outcome(String id, Text label, int impact) {
    }

    public record InstrumentInfo(String id, Text name, Text description, List<Item> items, List<Outcome> outcomes) {
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

    private static InstrumentInfo info(InstrumentDefinition definition) {
        List<Item> items = new ArrayList<>();
        for (InstrumentDefinition.Item item : definition.items()) {
            items.add(new Item(item.id(), "answers." + item.id(), item.statement(), ScaleInfo.of(item.scale()),
                    item.group(), false));
        }
        for (Question question : definition.questions()) {
            items.add(new Item(question.field(), question.field(), question.statement(), ScaleInfo.of(question.scale()),
                    null, definition.requires(question)));
        }
        List<Outcome> outcomes = !definition.asks(Question.RELATIONSHIP) ? List.of()
                : Arrays.stream(RelationshipOutcome.values())
                        .map(outcome -> new Outcome(outcome.name(), outcome.label(), outcome.impact())).toList();
        return new InstrumentInfo(definition.instrument().name(), definition.name(), definition.description(), items,
                outcomes);
    }
}
