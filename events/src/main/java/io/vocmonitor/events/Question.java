package io.vocmonitor.events;

/**
 * The questions a response may answer besides its instrument's items (SPEC §2.2, §2.3), each under a top-level
 * field of its own. Which of them an instrument asks, and requires, its {@link InstrumentDefinition} says.
 */
public enum Question {
    /** What the handling of a problem did to the relationship: one of {@link RelationshipOutcome}. */
    RELATIONSHIP("relationship", null, new Text("What did the handling of your problem do to your relationship with us?",
            "Wat heeft de afhandeling van uw probleem met uw relatie met ons gedaan?")),
    /** Free text, at most {@link ResponseRules#MAX_COMMENT_LENGTH} characters. */
    COMMENT("comment", null, new Text("Is there anything you would like to tell us?", "Wilt u ons nog iets vertellen?")),
    BRAND_EFFECT("brandEffect", Scale.BRAND_EFFECT,
            new Text("Because of how my problem was handled, my opinion of the organisation is …",
                    "Door de manier waarop mijn probleem is behandeld, is mijn beeld van de organisatie …")),
    RECOMMEND("recommend", Scale.RECOMMEND,
            new Text("How likely is it that you would recommend us to a friend or colleague?",
                    "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?")),
    EFFORT("effort", Scale.EFFORT, new Text("They made it easy for me.", "Ze maakten het mij gemakkelijk.")),
    SATISFACTION("satisfaction", Scale.SATISFACTION,
            new Text("How satisfied are you with the service?", "Hoe tevreden bent u over de service?"));

    private final String field;
    private final Scale scale;
    private final Text statement;

    Question(String field, Scale scale, Text statement) {
        this.field = field;
        this.scale = scale;
        this.statement = statement;
    }

    /** The field of a posted response (and of the event) that carries the answer. */
    public String field() {
        return field;
    }

    /** The scale of a numeric answer; null for the relationship outcome and the comment. */
    public Scale scale() {
        return scale;
    }

    public Text statement() {
        return statement;
    }

    /** The response's answer to this question, or null when it has none. */
    public Object answerIn(ResponseSubmitted response) {
        return switch (this) {
            case RELATIONSHIP -> response.relationship();
            case COMMENT -> response.comment();
            case BRAND_EFFECT -> response.brandEffect();
            case RECOMMEND -> response.recommend();
            case EFFORT -> response.effort();
            case SATISFACTION -> response.satisfaction();
        };
    }
}
