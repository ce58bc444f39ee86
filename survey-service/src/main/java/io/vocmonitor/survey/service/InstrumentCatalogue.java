package io.vocmonitor.survey.service;

import io.vocmonitor.events.Construct;
import io.vocmonitor.events.Instrument;
import io.vocmonitor.events.RecoveryDriver;
import io.vocmonitor.events.RelationshipOutcome;
import io.vocmonitor.events.Scale;
import io.vocmonitor.events.ServiceProofAspect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The questionnaire of every instrument, with its statements in English and Dutch (SPEC §2). */
public final class InstrumentCatalogue {

    /** A statement or question in the supported languages. */
    public record Text(String en, String nl) {
    }

    /** An answer scale: bounds and the labels of its ends. */
    public record ScaleInfo(int min, int max, Map<String, Text> labels) {
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

    private static final ScaleInfo AGREEMENT = scale(Scale.AGREEMENT,
            new Text("strongly disagree", "helemaal oneens"), new Text("strongly agree", "helemaal eens"));

    private static final Map<ServiceProofAspect, Text> ASPECTS = Map.of(
            ServiceProofAspect.SENSING, new Text("They sensed what I needed, even before I said it.",
                    "Ze voelden aan wat ik nodig had, nog voordat ik het zei."),
            ServiceProofAspect.EMPATHY, new Text("They put themselves in my position.",
                    "Ze verplaatsten zich in mijn situatie."),
            ServiceProofAspect.RESONANCE, new Text("They understood me; we were on the same wavelength.",
                    "Ze begrepen mij; we zaten op dezelfde golflengte."),
            ServiceProofAspect.VALUE, new Text("What they delivered was worth it to me.",
                    "Wat ze leverden was het voor mij waard."),
            ServiceProofAspect.INDIVIDUALIZE, new Text("They treated me as a person, not as a number.",
                    "Ze behandelden mij als persoon, niet als nummer."),
            ServiceProofAspect.COMMITMENT, new Text("They did what they promised.",
                    "Ze kwamen hun beloften na."),
            ServiceProofAspect.ENGAGEMENT, new Text("They were genuinely involved with me.",
                    "Ze waren oprecht betrokken bij mij."));

    private static final Map<RecoveryDriver, Text> DRIVERS = Map.of(
            RecoveryDriver.RECEPTIVENESS, new Text("They were open and inviting when I raised my problem.",
                    "Ze stonden open voor mijn probleem toen ik het aankaartte."),
            RecoveryDriver.RESPONSIVENESS, new Text("They responded adequately and in time.",
                    "Ze reageerden adequaat en op tijd."),
            RecoveryDriver.RESONANCE, new Text("They levelled with me and understood my situation.",
                    "Ze waren eerlijk tegen mij en begrepen mijn situatie."),
            RecoveryDriver.RESOLUTION, new Text("They solved my problem.",
                    "Ze hebben mijn probleem opgelost."),
            RecoveryDriver.RELIANCE, new Text("I can rely on them again.",
                    "Ik kan weer op hen vertrouwen."),
            RecoveryDriver.LEARNING, new Text("They use my feedback to improve their service.",
                    "Ze gebruiken mijn feedback om hun service te verbeteren."));

    private static final Map<RelationshipOutcome, Text> OUTCOMES = Map.of(
            RelationshipOutcome.STRENGTHENED, new Text("strengthened", "versterkt"),
            RelationshipOutcome.FLATTENED, new Text("flattened", "vervlakt"),
            RelationshipOutcome.WEAKENED, new Text("weakened", "verzwakt"),
            RelationshipOutcome.BROKEN, new Text("broken", "verbroken"));

    private static final Catalogue CATALOGUE = build();

    private InstrumentCatalogue() {
    }

    public static Catalogue catalogue() {
        return CATALOGUE;
    }

    private static Catalogue build() {
        List<Item> serviceProof = new ArrayList<>();
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            Construct construct = aspect.construct();
            serviceProof.add(new Item(aspect.name(), "answers." + aspect.name(), ASPECTS.get(aspect), AGREEMENT,
                    construct.name(), false));
        }
        serviceProof.addAll(optionalQuestions());

        List<Item> recovery = new ArrayList<>();
        for (RecoveryDriver driver : RecoveryDriver.values()) {
            recovery.add(new Item(driver.name(), "answers." + driver.name(), DRIVERS.get(driver), AGREEMENT, null, false));
        }
        recovery.add(new Item("brandEffect", "brandEffect",
                new Text("Because of how my problem was handled, my opinion of the organisation is …",
                        "Door de manier waarop mijn probleem is behandeld, is mijn beeld van de organisatie …"),
                scale(Scale.BRAND_EFFECT, new Text("much worse", "veel slechter"), new Text("much better", "veel beter")),
                null, false));
        recovery.add(new Item("relationship", "relationship",
                new Text("What did the handling of your problem do to your relationship with us?",
                        "Wat heeft de afhandeling van uw probleem met uw relatie met ons gedaan?"),
                null, null, true));
        recovery.addAll(optionalQuestions());

        List<Outcome> outcomes = new ArrayList<>();
        for (RelationshipOutcome outcome : RelationshipOutcome.values()) {
            outcomes.add(new Outcome(outcome.name(), OUTCOMES.get(outcome), outcome.impact()));
        }

        return new Catalogue(List.of(
                new InstrumentInfo(Instrument.SERVICEPROOF.name(), new Text("ServiceProof", "ServiceProof"),
                        new Text("How the customer experiences the service: seven aspects (SERVICE), rolled up into "
                                + "SER, V, ICE and an overall score. At least one aspect must be answered.",
                                "Hoe de klant de service ervaart: zeven aspecten (SERVICE), samengevat in SER, V, ICE "
                                        + "en een totaalscore. Minstens één aspect moet beantwoord zijn."),
                        serviceProof, List.of()),
                new InstrumentInfo(Instrument.SERVICE_RECOVERY.name(),
                        new Text("Service Recovery Proof", "Service Recovery Proof"),
                        new Text("How the organisation handled a problem or complaint, and what it did to the "
                                + "relationship. The relationship outcome is required.",
                                "Hoe de organisatie een probleem of klacht heeft afgehandeld, en wat dat met de relatie "
                                        + "deed. De uitkomst voor de relatie is verplicht."),
                        recovery, outcomes)));
    }

    private static List<Item> optionalQuestions() {
        return List.of(
                new Item("recommend", "recommend",
                        new Text("How likely is it that you would recommend us to a friend or colleague?",
                                "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega?"),
                        scale(Scale.RECOMMEND, new Text("not at all likely", "zeer onwaarschijnlijk"),
                                new Text("extremely likely", "zeer waarschijnlijk")), null, false),
                new Item("effort", "effort",
                        new Text("They made it easy for me.", "Ze maakten het mij gemakkelijk."),
                        scale(Scale.EFFORT, new Text("strongly disagree", "helemaal oneens"),
                                new Text("strongly agree", "helemaal eens")), null, false),
                new Item("satisfaction", "satisfaction",
                        new Text("How satisfied are you with the service?", "Hoe tevreden bent u over de service?"),
                        scale(Scale.SATISFACTION, new Text("very dissatisfied", "zeer ontevreden"),
                                new Text("very satisfied", "zeer tevreden")), null, false),
                new Item("comment", "comment",
                        new Text("Is there anything you would like to tell us?", "Wilt u ons nog iets vertellen?"),
                        null, null, false));
    }

    private static ScaleInfo scale(Scale scale, Text lowest, Text highest) {
        return new ScaleInfo(scale.min(), scale.max(),
                Map.of(Integer.toString(scale.min()), lowest, Integer.toString(scale.max()), highest));
    }
}
