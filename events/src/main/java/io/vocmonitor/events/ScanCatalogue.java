package io.vocmonitor.events;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Service Excellence Scan's content (SPEC §2.4, {@code scan-catalogue.md}): its nine building blocks, four
 * result areas, their statements with stable ids and English and Dutch texts, and the deck's reading questions.
 * Ids are the keys of a response's answers; never key on the blocks' numbers, which differ between sources.
 */
public final class ScanCatalogue {

    /**
     * What a statement belongs to: one of the nine building blocks of the European service excellence model,
     * answered on {@link ScanScale#ELEMENT}, or one of the four result areas, answered on {@link ScanScale#RESULT}.
     */
    public enum Group {
        // the building blocks
        DESIGN(ScanScale.ELEMENT,
                new Text(
                    "Designing and renewing outstanding customer experiences",
                    "Ontwerpen en vernieuwen van uitzonderlijke klantbeleving"),
                new Text(
                    "The ideal customer experience is put into practice. The most important customer journeys "
                        + "are worked out together with customers and employees. Consistent experience; service "
                        + "recovery.",
                    "Ideale klantbeleving werkzaam. Belangrijkste klantreizen uitgewerkt met klanten en "
                        + "medewerkers. Consistente beleving, service recovery.")),
        STRATEGY(ScanScale.ELEMENT,
                new Text(
                    "Service excellence vision, mission and strategy",
                    "Service excellence visie, missie en strategie"),
                new Text(
                    "Customer & Employee Delight as the vision/mission. A clear strategy for working towards "
                        + "it. Cascaded down to departments and to personal contributions/meaning.",
                    "Customer & Employee Delight als visie/missie. Duidelijke strategie om hieraan te werken. "
                        + "Doorvertaald naar afdelingen en persoonlijke bijdragen/betekenis.")),
        LEADERSHIP(ScanScale.ELEMENT,
                new Text(
                    "Leadership and management commitment",
                    "Leiderschap en managementcommitment"),
                new Text(
                    "Intrinsic drive for exceptional customer focus. Being the face of it / a role model. "
                        + "Intensive contact with customers, employees and partners. Leading from trust, giving room.",
                    "Intrinsieke drive voor uitzonderlijke klantgerichtheid. Gezicht/voorbeeldfunctie. "
                        + "Intensief contact met klanten, medewerkers, partners. Leiden vanuit vertrouwen/ruimte.")),
        PEOPLE(ScanScale.ELEMENT,
                new Text(
                    "Employee engagement (deck: engaged and customer-oriented employees)",
                    "Betrokken en klantgerichte medewerkers"),
                new Text(
                    "Culture fit when selecting staff. Customer experience written into job profiles. "
                        + "Continuous development in customer experience. Customer experience as an appraisal "
                        + "criterion.",
                    "Cultuurfit bij selectie. Klantbeleving in functieprofielen. Continu ontwikkelen qua "
                        + "klantbeleving. Klantbeleving als beoordelingscriterium.")),
        CULTURE(ScanScale.ELEMENT,
                new Text(
                    "Service excellence culture",
                    "Service excellence cultuur"),
                new Text(
                    "A positive culture built around enthusiastic customers, trust, engaged and enthusiastic "
                        + "employees, continuous improvement/innovation, and servant leadership.",
                    "Positieve cultuur waarin centraal staan: enthousiaste klanten, vertrouwen, betrokken en "
                        + "enthousiaste medewerkers, continu verbeteren/innoveren en dienend leiderschap.")),
        CUSTOMER_INSIGHT(ScanScale.ELEMENT,
                new Text(
                    "Understanding customer needs, expectations and desires",
                    "Behoeften, verwachtingen en wensen van klanten begrijpen"),
                new Text(
                    "Researches customers' wishes, needs and expectations in a structured way. Understands the "
                        + "drivers of Customer Delight. Combines/integrates all customer input in order to develop "
                        + "[…]",
                    "Onderzoekt gestructureerd wensen, behoeften en verwachtingen van klanten. Begrijpt drivers"
                        + " van Customer Delight. Combineert/integreert alle klantimpulsen om te ontwikkelen[…]")),
        INNOVATION(ScanScale.ELEMENT,
                new Text(
                    "Managing service innovation",
                    "Service innovatie management"),
                new Text(
                    "Continuous improvement of the customer experience. No-blame culture. Encourages "
                        + "creativity, entrepreneurship and an urge to experiment. A structured innovation process.",
                    "Continu verbeteren van klantbeleving. No blame culture. Stimuleert creativiteit, "
                        + "ondernemerschap en experimenteerdrift. Gestructureerd innovatieproces.")),
        PROCESSES(ScanScale.ELEMENT,
                new Text(
                    "Managing customer-experience-related processes and organisational structure",
                    "Managen van processen en organisatie van invloed op klantbeleving"),
                new Text(
                    "Customer journeys lead; internal processes support them. Premises, website etc. are "
                        + "designed from the customer experience. Partners are built into the customer journeys, "
                        + "including their development.",
                    "Klantreizen leidend; interne processen ondersteunend. Ruimtes/website etc. vanuit "
                        + "klantbeleving ingericht. Partners geïntegreerd in klantreizen incl. ontwikkeling ervan.")),
        MONITORING(ScanScale.ELEMENT,
                new Text(
                    "Monitoring service excellence activities and results",
                    "Monitoren van service excellence activiteiten en resultaten"),
                new Text(
                    "Measures and uses KPIs on Employee Delight and Customer Delight as a matter of routine. "
                        + "Ongoing customer research on the most important customer journeys. Open about results "
                        + "towards employees and customers.",
                    "Meet & benut structureel kpi's qua Employee Delight en Customer Delight. Doorlopend "
                        + "klantonderzoek op belangrijkste klantreizen. Transparant over resultaten naar medewerkers "
                        + "en klanten.")),
        // the result areas
        SERVICE_PERFORMANCE(ScanScale.RESULT,
                new Text(
                    "Excellent service performance",
                    "Excellente serviceprestaties"),
                new Text(
                    "Customers' experience of the customer journeys; whether the organisation learns & "
                        + "improves; ease of dealing with it (Customer Effort Score, CES)",
                    "Ervaring van klanten met klantreizen, of organisatie leert & verbetert en gemakservaring "
                        + "(CES)")),
        LOYAL_CUSTOMERS(ScanScale.RESULT,
                new Text(
                    "Enthusiastic and loyal customers",
                    "Enthousiaste en loyale klanten"),
                new Text(
                    "Customers feel an emotional connection; loyalty; recommendation (Net Promoter Score, NPS)",
                    "Klanten ervaren emotionele connectie, loyaliteit, aanbevelen (NPS)")),
        ENGAGED_EMPLOYEES(ScanScale.RESULT,
                new Text(
                    "Enthusiastic and engaged employees",
                    "Enthousiaste en betrokken medewerkers"),
                new Text(
                    "Employees emotionally engaged; ownership (\"soul in the game\"); recommendation (employee "
                        + "NPS, eNPS)",
                    "Medewerkers emotioneel betrokken, ownership ('soul in the game'), aanbevelen (eNPS)")),
        REPUTATION_AND_FINANCE(ScanScale.RESULT,
                new Text(
                    "Excellent reputation and financial results",
                    "Excellente reputatie en financiële resultaten"),
                new Text(
                    "Financial results, distinctiveness (standing out from competitors) and cost-effectiveness",
                    "Financiële resultaten, onderscheidend vermogen en kosteneffectiviteit"));

        private final ScanScale scale;
        private final Text title;
        private final Text covers;

        Group(ScanScale scale, Text title, Text covers) {
            this.scale = scale;
            this.title = title;
            this.covers = covers;
        }

        /** The scale its statements are answered on. */
        public ScanScale scale() {
            return scale;
        }

        public Text title() {
            return title;
        }

        /** What it covers, in the deck's words. */
        public Text covers() {
            return covers;
        }

        /** The building blocks, in block order. */
        public static List<Group> blocks() {
            return onScale(ScanScale.ELEMENT);
        }

        /** The result areas, in order. */
        public static List<Group> areas() {
            return onScale(ScanScale.RESULT);
        }

        private static List<Group> onScale(ScanScale scale) {
            return Arrays.stream(values()).filter(group -> group.scale == scale).toList();
        }
    }

    /** One statement: its id, the block or area it belongs to, and its text. */
    public record Statement(String id, Group group, Text text) {

        /** Its group's scale. */
        public ScanScale scale() {
            return group.scale();
        }
    }

    /** Every statement, the blocks' first (in block order), then the result areas'. */
    public static final List<Statement> STATEMENTS = List.of(
            new Statement("DESIGN_1", Group.DESIGN, new Text(
                    "The organisation aims to give customers an exceptionally positive experience.",
                    "De organisatie heeft de ambitie om klanten een uitzonderlijk positieve beleving te bieden.")),
            new Statement("DESIGN_2", Group.DESIGN, new Text(
                    "The organisation handles customer feedback to the customers' satisfaction.",
                    "Feedback van klanten behandelt de organisatie naar tevredenheid van klanten.")),
            new Statement("DESIGN_3", Group.DESIGN, new Text(
                    "The most important customer journeys are set up to give the customer the ideal experience.",
                    "De belangrijkste klantreizen zijn zo ingericht dat ze de klant de ideale beleving bieden.")),
            new Statement("STRATEGY_1", Group.STRATEGY, new Text(
                    "Enthusiastic customers and employees have a prominent place in the organisation's core "
                        + "values.",
                    "In de kern-/organisatiewaarden van de organisatie hebben enthousiaste klanten en "
                        + "medewerkers een prominente plek.")),
            new Statement("STRATEGY_2", Group.STRATEGY, new Text(
                    "The organisation's units, departments and teams work with objectives and plans aimed at "
                        + "increasing customer enthusiasm/satisfaction.",
                    "De onderdelen van de organisatie, afdelingen en teams werken met doelstellingen en plannen"
                        + " gericht op het vergroten van het enthousiasme/de tevredenheid van klanten.")),
            new Statement("STRATEGY_3", Group.STRATEGY, new Text(
                    "Every employee in the organisation knows his/her personal contribution to creating "
                        + "enthusiastic customers.",
                    "Elke medewerker in de organisatie weet wat zijn/haar persoonlijke bijdrage is aan het "
                        + "realiseren van enthousiaste klanten.")),
            new Statement("LEADERSHIP_1", Group.LEADERSHIP, new Text(
                    "[Managers] are open to customers' complaints, problems and requests.",
                    "[Leidinggevenden] staan open voor klachten, problemen en verzoeken van klanten.")),
            new Statement("LEADERSHIP_2", Group.LEADERSHIP, new Text(
                    "[Managers] succeed in bringing all employees along in becoming more customer-focused.",
                    "[Leidinggevenden] weten alle medewerkers mee te krijgen in het vergroten van de "
                        + "klantgerichtheid.")),
            new Statement("LEADERSHIP_3", Group.LEADERSHIP, new Text(
                    "Managers set the example themselves: they are the face of exceptional customer focus and "
                        + "visibly promote it.",
                    "Leidinggevenden geven zelf het goede voorbeeld: zij zijn het gezicht van uitzonderlijke "
                        + "klantgerichtheid en dragen die zichtbaar uit.")),
            new Statement("LEADERSHIP_4", Group.LEADERSHIP, new Text(
                    "Managers lead from trust and give employees the room (mandate) to use their own judgement "
                        + "to help customers exceptionally well.",
                    "Leidinggevenden sturen vanuit vertrouwen en geven medewerkers de ruimte (mandaat) om "
                        + "klanten naar eigen inzicht uitzonderlijk goed te helpen.")),
            new Statement("LEADERSHIP_5", Group.LEADERSHIP, new Text(
                    "Managers have regular, close contact with customers, employees and partners.",
                    "Leidinggevenden hebben regelmatig en intensief contact met klanten, medewerkers en "
                        + "partners.")),
            new Statement("PEOPLE_1", Group.PEOPLE, new Text(
                    "Customer focus is one of the competencies in employees' job profiles.",
                    "Klantgerichtheid is een van de competenties in de functieprofielen van medewerkers.")),
            new Statement("PEOPLE_2", Group.PEOPLE, new Text(
                    "Employees take an active part in ongoing learning and development programmes in which "
                        + "culture, customer focus and customer experience are important topics.",
                    "Medewerkers nemen actief deel aan doorlopende leer- en ontwikkeltrajecten waarin cultuur, "
                        + "klantgerichtheid en klantbeleving belangrijke onderwerpen zijn.")),
            new Statement("PEOPLE_3", Group.PEOPLE, new Text(
                    "The ideal customer experience has been written into the job profiles of all positions.",
                    "De ideale klantbeleving is vertaald in de functieprofielen van alle functies.")),
            new Statement("CULTURE_1", Group.CULTURE, new Text(
                    "Managers are approachable and easy for employees to reach. In principle their door is "
                        + "always open.",
                    "Leidinggevenden zijn goed benaderbaar en bereikbaar voor medewerkers. Hun deur staat in "
                        + "principe altijd open.")),
            new Statement("CULTURE_2", Group.CULTURE, new Text(
                    "Taking time to really listen to customers is completely normal in our organisation.",
                    "De tijd nemen voor klanten om echt naar ze te luisteren is heel normaal binnen onze "
                        + "organisatie.")),
            new Statement("CULTURE_3", Group.CULTURE, new Text(
                    "Customers are closely involved, in several ways and through co-creation, in improving the "
                        + "service so as to improve the customer experience.",
                    "Klanten worden op verschillende manieren op basis van co-creatie intensief betrokken bij "
                        + "het verbeteren van de dienstverlening om de klantbeleving te verbeteren.")),
            new Statement("CUSTOMER_INSIGHT_1", Group.CUSTOMER_INSIGHT, new Text(
                    "In customer contact, the organisation works from the \"n = 1\" principle (each customer "
                        + "treated as an individual).",
                    "Binnen de organisatie staat het uitgangspunt van n=1 tijdens klantcontact centraal.")),
            new Statement("CUSTOMER_INSIGHT_2", Group.CUSTOMER_INSIGHT, new Text(
                    "The organisation regularly uses customer stories (storytelling) to make the customer's "
                        + "world clear inside the organisation.",
                    "De organisatie gebruikt regelmatig verhalen van klanten (storytelling) om de wereld van de"
                        + " klant intern duidelijk te maken.")),
            new Statement("CUSTOMER_INSIGHT_3", Group.CUSTOMER_INSIGHT, new Text(
                    "In customer contact, employees use recorded information about the individual customer "
                        + "(contact history, feedback received, customer research results) to give customers an "
                        + "exceptional experience.",
                    "Medewerkers gebruiken in hun klantcontact vastgelegde individuele klantinformatie zoals "
                        + "contacthistorie, ontvangen klantfeedback en resultaten uit klantonderzoek om zo klanten "
                        + "een uitzonderlijke beleving te bieden.")),
            new Statement("INNOVATION_1", Group.INNOVATION, new Text(
                    "Employees are allowed to make mistakes, as long as they learn from them.",
                    "Medewerkers mogen fouten maken, zolang ze er maar van leren.")),
            new Statement("INNOVATION_2", Group.INNOVATION, new Text(
                    "The organisation follows a structured innovation process (idea generation, working out the"
                        + " idea, development and launch) so that it regularly introduces customer-experience "
                        + "innovations.",
                    "De organisatie hanteert een gestructureerd innovatieproces van ideegeneratie, het "
                        + "uitwerken van het idee, ontwikkeling en lancering, om zo regelmatig innovaties in "
                        + "klantbeleving door te voeren.")),
            new Statement("INNOVATION_3", Group.INNOVATION, new Text(
                    "The organisation learns from other organisations how to improve its customer experience "
                        + "further.",
                    "De organisatie leert van andere organisaties hoe ze haar klantbeleving verder kan "
                        + "verbeteren.")),
            new Statement("PROCESSES_1", Group.PROCESSES, new Text(
                    "The organisation encourages customers who want personal contact (telephone, face-to-face) "
                        + "to actually seek it.",
                    "De organisatie stimuleert klanten die persoonlijk contact willen opnemen (telefoon, face-"
                        + "to-face) om dit ook te doen.")),
            new Statement("PROCESSES_2", Group.PROCESSES, new Text(
                    "In the organisation the customer journeys genuinely lead; internal processes support them "
                        + "(a customer journey is the process as the customer experiences it).",
                    "In de organisatie zijn de klantreizen echt leidend; de interne processen zijn "
                        + "ondersteunend aan de klantreizen (een klantreis is het proces zoals de klant dit ervaart).")),
            new Statement("PROCESSES_3", Group.PROCESSES, new Text(
                    "Physical premises, the website and other means that customers come into contact with are "
                        + "designed from the ideal customer experience.",
                    "Fysieke ruimten, de website en andere middelen waarmee klanten in aanraking komen, zijn "
                        + "vanuit de ideale klantbeleving vormgegeven.")),
            new Statement("MONITORING_1", Group.MONITORING, new Text(
                    "The organisation has a clear view of how customers experience and value its service.",
                    "Binnen de organisatie is er goed zicht op hoe klanten de dienstverlening ervaren en "
                        + "waarderen.")),
            new Statement("MONITORING_2", Group.MONITORING, new Text(
                    "For its most important customer journeys the organisation runs ongoing customer-experience"
                        + " and/or satisfaction research, so that it can steer on the customer experience "
                        + "continuously.",
                    "Voor de belangrijkste klantreizen gebruikt de organisatie doorlopend klantbelevings- en/of"
                        + " tevredenheidsonderzoek om zo continu te kunnen sturen op de klantbeleving.")),
            new Statement("MONITORING_3", Group.MONITORING, new Text(
                    "The organisation routinely measures KPIs for both customer delight and employee delight "
                        + "and actively steers on them.",
                    "De organisatie meet structureel kpi's voor zowel klantenthousiasme (Customer Delight) als "
                        + "medewerkersenthousiasme (Employee Delight) en stuurt daar actief op.")),
            new Statement("MONITORING_4", Group.MONITORING, new Text(
                    "The organisation is open about the results of customer and employee research and shares "
                        + "them with employees and customers.",
                    "De organisatie is transparant over de resultaten van klant- en medewerkersonderzoek en "
                        + "deelt die met medewerkers en klanten.")),
            new Statement("SERVICE_PERFORMANCE_1", Group.SERVICE_PERFORMANCE, new Text(
                    "The degree to which the service is personal and customers have fixed contact persons in "
                        + "the organisation.",
                    "De mate waarin de dienstverlening persoonlijk is en klanten vaste contactpersonen binnen "
                        + "de organisatie hebben.")),
            new Statement("SERVICE_PERFORMANCE_2", Group.SERVICE_PERFORMANCE, new Text(
                    "The degree to which customers are positive about their experience of the most important "
                        + "customer journeys.",
                    "De mate waarin klanten positief zijn over hun ervaring met de belangrijkste klantreizen.")),
            new Statement("SERVICE_PERFORMANCE_3", Group.SERVICE_PERFORMANCE, new Text(
                    "The degree to which the organisation demonstrably learns from customer experiences and "
                        + "improves its service accordingly.",
                    "De mate waarin de organisatie aantoonbaar leert van klantervaringen en haar "
                        + "dienstverlening daarop verbetert.")),
            new Statement("SERVICE_PERFORMANCE_4", Group.SERVICE_PERFORMANCE, new Text(
                    "How easy customers find it to deal with the organisation (e.g. Customer Effort Score, "
                        + "CES).",
                    "Het gemak dat klanten ervaren in hun contact met de organisatie (bijv. Customer Effort "
                        + "Score, CES).")),
            new Statement("LOYAL_CUSTOMERS_1", Group.LOYAL_CUSTOMERS, new Text(
                    "The degree to which existing customers are retained.",
                    "De mate van retentie/behoud van bestaande klanten.")),
            new Statement("LOYAL_CUSTOMERS_2", Group.LOYAL_CUSTOMERS, new Text(
                    "The degree to which customers feel emotionally connected to the organisation.",
                    "De mate waarin klanten zich emotioneel verbonden voelen met de organisatie.")),
            new Statement("LOYAL_CUSTOMERS_3", Group.LOYAL_CUSTOMERS, new Text(
                    "The degree to which customers recommend the organisation to others (e.g. Net Promoter "
                        + "Score, NPS).",
                    "De mate waarin klanten de organisatie aanbevelen bij anderen (bijv. Net Promoter Score, "
                        + "NPS).")),
            new Statement("ENGAGED_EMPLOYEES_1", Group.ENGAGED_EMPLOYEES, new Text(
                    "The degree to which employees feel emotionally engaged with the organisation and its "
                        + "customers.",
                    "De mate waarin medewerkers zich emotioneel betrokken voelen bij de organisatie en haar "
                        + "klanten.")),
            new Statement("ENGAGED_EMPLOYEES_2", Group.ENGAGED_EMPLOYEES, new Text(
                    "The degree to which employees take ownership of the customer experience (\"soul in the "
                        + "game\").",
                    "De mate waarin medewerkers eigenaarschap tonen voor de klantbeleving ('soul in the game').")),
            new Statement("ENGAGED_EMPLOYEES_3", Group.ENGAGED_EMPLOYEES, new Text(
                    "The degree to which employees recommend the organisation as an employer (e.g. employee "
                        + "NPS, eNPS).",
                    "De mate waarin medewerkers de organisatie aanbevelen als werkgever (bijv. employee Net "
                        + "Promoter Score, eNPS).")),
            new Statement("REPUTATION_AND_FINANCE_1", Group.REPUTATION_AND_FINANCE, new Text(
                    "The organisation's financial results.",
                    "De financiële resultaten van de organisatie.")),
            new Statement("REPUTATION_AND_FINANCE_2", Group.REPUTATION_AND_FINANCE, new Text(
                    "How clearly the organisation stands out from comparable organisations.",
                    "Het onderscheidend vermogen van de organisatie ten opzichte van vergelijkbare "
                        + "organisaties.")),
            new Statement("REPUTATION_AND_FINANCE_3", Group.REPUTATION_AND_FINANCE, new Text(
                    "The cost-effectiveness of the service.",
                    "De kosteneffectiviteit van de dienstverlening.")),
            new Statement("REPUTATION_AND_FINANCE_4", Group.REPUTATION_AND_FINANCE, new Text(
                    "The organisation's reputation for service and customer experience.",
                    "De reputatie van de organisatie op het gebied van service en klantbeleving.")));

    /** The deck's questions for reading the results ("Vraag je af": ask yourself), Q1 … Q6. */
    public static final List<Text> READING_QUESTIONS = List.of(
            new Text(
                    "Are high scores really strengths to build on?",
                    "Zijn hoge scores echt sterktes om op voort te bouwen?"),
            new Text(
                    "Are the lowest scores weaknesses that need to be tackled first?",
                    "Zijn laagste scores zwaktes waar met voorrang iets aan gedaan moet worden?"),
            new Text(
                    "Why do people judge the items with a large standard deviation so differently?",
                    "Waarom verschillende oordelen over de items met een grote standaarddeviatie?"),
            new Text(
                    "What could the organisation do to score better?",
                    "Wat zou de organisatie kunnen doen om beter te scoren?"),
            new Text(
                    "What are the priorities in doing so?",
                    "Wat zijn daarbij prioriteiten?"),
            new Text(
                    "Which measures only treat symptoms, and which tackle root causes?",
                    "Welke maatregelen zijn symptoombestrijding, welke pakken grondoorzaken aan?"));

    private static final Map<Group, List<Statement>> BY_GROUP = new EnumMap<>(Group.class);
    private static final Map<ScanScale, List<Statement>> BY_SCALE = new EnumMap<>(ScanScale.class);

    static {
        for (Group group : Group.values()) {
            BY_GROUP.put(group, STATEMENTS.stream().filter(s -> s.group() == group).toList());
        }
        for (ScanScale scale : ScanScale.values()) {
            BY_SCALE.put(scale, STATEMENTS.stream().filter(s -> s.scale() == scale).toList());
        }
    }

    private ScanCatalogue() {
    }

    /** The statements of a building block or result area, in catalogue order. */
    public static List<Statement> statementsOf(Group group) {
        return BY_GROUP.get(group);
    }

    /** The statements answered on a scale: every element statement, or every result statement. */
    public static List<Statement> statementsOn(ScanScale scale) {
        return BY_SCALE.get(scale);
    }
}
