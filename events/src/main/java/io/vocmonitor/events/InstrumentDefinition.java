package io.vocmonitor.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One instrument's questionnaire and rule book (SPEC §2), written once for every reader and writer: its items
 * (the keys of a response's {@code answers}) with their scales and statements in English and Dutch, the other
 * questions it asks and which of them are required, and whether an item must be answered. The survey-service
 * validates input and shows the catalogue from it; readers of the topic refuse events that break it
 * ({@link ResponseRules}). Adding an instrument means adding its constant to {@link Instrument} and its definition
 * here.
 */
public final class InstrumentDefinition {

    /**
     * One item of an instrument: a statement answered on a numeric scale, or in words (the scan).
     *
     * @param scale the numeric scale of its answers; null when it is answered in words
     * @param words the answer words with their points; null when it is answered on a numeric scale
     * @param group what the item rolls up into: the ServiceProof construct of an aspect, the building block or
     *              result area of a scan statement; null when nothing
     */
    public record Item(String id, Scale scale, ScanScale words, Text statement, String group) {

        /** Whether the answer, as the event carries it (a number, or a word's points), is one the item allows. */
        public boolean allows(int answer) {
            return words == null ? scale.contains(answer) : words.withPoints(answer).isPresent();
        }

        /** The allowed answers, as messages write them: "1..5", or "NO (0), STARTED (1), SYSTEMATIC (3)". */
        public String allowed() {
            return words == null ? scale.range() : String.join(", ", words.words().stream()
                    .map(word -> word.word() + " (" + word.points() + ")").toList());
        }
    }

    /** Who answers an instrument, which decides how its responses are segmented (SPEC §2.4, §4). */
    public enum Respondents {
        /** Customers: a response has a channel and may name a touchpoint. */
        CUSTOMERS,
        /** The organisation's own people: a response may carry a role and a unit; it has no channel or touchpoint. */
        STAFF
    }

    /** SPEC §2.3: asked on any response. Declared before the definitions, which use it. */
    private static final List<Question> OPTIONAL_QUESTIONS = List.of(Question.RECOMMEND, Question.EFFORT,
            Question.SATISFACTION, Question.COMMENT);

    private static final Map<Instrument, InstrumentDefinition> DEFINITIONS = new EnumMap<>(Instrument.class);

    static {
        DEFINITIONS.put(Instrument.SERVICEPROOF, serviceProof());
        DEFINITIONS.put(Instrument.SERVICE_RECOVERY, serviceRecovery());
        DEFINITIONS.put(Instrument.SERVICE_EXCELLENCE_SCAN, serviceExcellenceScan());
    }

    private final Instrument instrument;
    private final Text name;
    private final Text description;
    private final Map<String, Item> items;
    private final List<Question> questions;
    private final Set<Question> required;
    private final boolean itemRequired;
    private final Respondents respondents;
    private final Text invitation;

    private InstrumentDefinition(Instrument instrument, Text name, Text description, List<Item> items,
            List<Question> questions, Set<Question> required, boolean itemRequired, Respondents respondents,
            Text invitation) {
        this.instrument = instrument;
        this.name = name;
        this.description = description;
        this.items = new LinkedHashMap<>();
        items.forEach(item -> this.items.put(item.id(), item));
        this.questions = List.copyOf(questions);
        this.required = Set.copyOf(required);
        this.itemRequired = itemRequired;
        this.respondents = respondents;
        this.invitation = invitation;
    }

    public static InstrumentDefinition of(Instrument instrument) {
        return DEFINITIONS.get(instrument);
    }

    public Instrument instrument() {
        return instrument;
    }

    public Text name() {
        return name;
    }

    public Text description() {
        return description;
    }

    /** The items, in questionnaire order. */
    public List<Item> items() {
        return List.copyOf(items.values());
    }

    public Optional<Item> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    /** The questions it asks besides its items, in questionnaire order. */
    public List<Question> questions() {
        return questions;
    }

    public boolean asks(Question question) {
        return questions.contains(question);
    }

    public boolean requires(Question question) {
        return required.contains(question);
    }

    /** Whether a response must answer at least one item. */
    public boolean itemRequired() {
        return itemRequired;
    }

    /** What a questionnaire form tells its respondents before they start. */
    public Text invitation() {
        return invitation;
    }

    /** Whether customers or the organisation's own people answer it. */
    public Respondents respondents() {
        return respondents;
    }

    private static InstrumentDefinition serviceProof() {
        Map<ServiceProofAspect, Text> statements = new EnumMap<>(Map.of(
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
                        "Ze waren oprecht betrokken bij mij.")));
        List<Item> items = new ArrayList<>();
        for (ServiceProofAspect aspect : ServiceProofAspect.values()) {
            items.add(new Item(aspect.name(), Scale.AGREEMENT, null, statements.get(aspect),
                    aspect.construct().name()));
        }
        return new InstrumentDefinition(Instrument.SERVICEPROOF, new Text("ServiceProof", "ServiceProof"),
                new Text("How the customer experiences the service: seven aspects (SERVICE), rolled up into "
                        + "SER, V, ICE and an overall score. At least one aspect must be answered.",
                        "Hoe de klant de service ervaart: zeven aspecten (SERVICE), samengevat in SER, V, ICE "
                                + "en een totaalscore. Minstens één aspect moet beantwoord zijn."),
                items, OPTIONAL_QUESTIONS, Set.of(), true, Respondents.CUSTOMERS,
                new Text("How did we do? Seven short statements about the service you received, and a few questions. "
                        + "It takes about two minutes.",
                        "Hoe hebben we het gedaan? Zeven korte stellingen over de service die u kreeg, en een paar "
                                + "vragen. Het kost ongeveer twee minuten."));
    }

    private static InstrumentDefinition serviceRecovery() {
        Map<RecoveryDriver, Text> statements = new EnumMap<>(Map.of(
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
                        "Ze gebruiken mijn feedback om hun service te verbeteren.")));
        List<Item> items = Arrays.stream(RecoveryDriver.values())
                .map(driver -> new Item(driver.name(), Scale.AGREEMENT, null, statements.get(driver), null))
                .toList();
        List<Question> questions = new ArrayList<>(List.of(Question.BRAND_EFFECT, Question.RELATIONSHIP));
        questions.addAll(OPTIONAL_QUESTIONS);
        return new InstrumentDefinition(Instrument.SERVICE_RECOVERY,
                new Text("Service Recovery Proof", "Service Recovery Proof"),
                new Text("How the organisation handled a problem or complaint, and what it did to the "
                        + "relationship. The relationship outcome is required.",
                        "Hoe de organisatie een probleem of klacht heeft afgehandeld, en wat dat met de relatie "
                                + "deed. De uitkomst voor de relatie is verplicht."),
                items, questions, EnumSet.of(Question.RELATIONSHIP), false, Respondents.CUSTOMERS,
                new Text("You recently had a problem or a complaint. Tell us how we handled it, and what it did to your "
                        + "relationship with us.",
                        "U had onlangs een probleem of een klacht. Vertel ons hoe we die hebben afgehandeld, en wat dat "
                                + "met uw relatie met ons deed."));
    }

    /** SPEC §2.4: the statements of {@link ScanCatalogue}, answered in words; no other questions. */
    private static InstrumentDefinition serviceExcellenceScan() {
        List<Item> items = ScanCatalogue.STATEMENTS.stream()
                .map(s -> new Item(s.id(), null, s.scale(), s.text(), s.group().name()))
                .toList();
        return new InstrumentDefinition(Instrument.SERVICE_EXCELLENCE_SCAN,
                new Text("Service Excellence Scan", "Service Excellence Scan"),
                new Text("The organisation's self-assessment by its employees and managers: the nine building blocks "
                        + "of the European service excellence model (NO, STARTED, SYSTEMATIC) and four result areas "
                        + "(BELOW_AVERAGE, AVERAGE, ABOVE_AVERAGE, TOP), NA where a statement does not apply; read as "
                        + "a score in %, a band and the statements people disagree on. Optional role and unit. At "
                        + "least one statement must be answered other than NA.",
                        "De zelfevaluatie van de organisatie door haar medewerkers en leidinggevenden: de negen "
                                + "bouwstenen van het Europese service-excellencemodel (nee, aanzet, systematisch) en "
                                + "vier resultaatgebieden (ondergemiddeld, gemiddeld, bovengemiddeld, top), nvt waar een "
                                + "stelling niet van toepassing is; gelezen als score in %, een fase en de stellingen "
                                + "waarover men verschilt. Rol en afdeling naar keuze. Minstens één stelling moet "
                                + "anders dan nvt beantwoord zijn."),
                items, List.of(), Set.of(), true, Respondents.STAFF,
                new Text("How far is our organisation on the road to service excellence? For each statement, say "
                        + "whether it is not the case (no), has been started, or is done systematically; for the "
                        + "results, how we do compared with similar organisations. Answer for the organisation as it "
                        + "is today, not as it should be, and choose NA when you cannot judge a statement. Your "
                        + "answers count anonymously, together with your colleagues'.",
                        "Hoe ver is onze organisatie op weg naar service excellence? Geef per stelling aan of die niet "
                                + "opgaat (nee), of er een aanzet is gegeven, of dat het systematisch gebeurt; bij de "
                                + "resultaten hoe we het doen vergeleken met soortgelijke organisaties. Antwoord voor de "
                                + "organisatie zoals die nu is, niet zoals die zou moeten zijn, en kies nvt als u een "
                                + "stelling niet kunt beoordelen. Uw antwoorden tellen anoniem mee met die van uw "
                                + "collega's."));
    }
}
