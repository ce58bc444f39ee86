// The page's words in English and Dutch; statements and outcome labels come from the instrument catalogue.

import { get } from './api.js';
import { language } from './state.js';

const WORDS = {
  en: {
    language: 'Language', signOut: 'Sign out', signIn: 'Sign in', signInTitle: "Sign in to your organisation's dashboard",
    organisationId: 'Organisation id', readKey: 'Read key', asAdmin: 'Sign in as the administrator', adminToken: 'Admin token',
    organisation: 'Organisation', period: 'Period', last7: 'Last 7 days', last30: 'Last 30 days', last90: 'Last 90 days',
    quarter: 'This quarter', year: 'This year', all: 'All time', custom: 'Custom', from: 'From', to: 'To',
    channels: 'Channels', touchpoint: 'Touchpoint', compare: 'Compare with the previous period',
    overview: 'Overview', serviceproof: 'ServiceProof', recovery: 'Service Recovery', trends: 'Trends',
    segments: 'Segments', alerts: 'Alerts',
    responses: 'Responses', overall: 'Overall', serviceproofOverall: 'ServiceProof overall',
    relationshipImpact: 'Relationship impact', nps: 'NPS', ces: 'CES', csat: 'CSAT', n: 'n',
    fewer: (min) => `fewer than ${min} responses`, withheldNote: (min) => `Fewer than ${min} responses: numbers are withheld to protect respondents.`,
    vsPrevious: 'vs previous period', significant: 'a real change', noise: 'within the noise', noComparison: 'no comparison',
    previousWithheld: 'previous period too small', constructs: 'Constructs', aspects: 'Aspects',
    distribution: 'Answers 1–5 per aspect', drivers: 'Drivers', keyDrivers: 'Key drivers', priority: 'Priority',
    importance: 'Importance (r)', mean: 'Mean', ci95: '95 % interval', brandEffect: 'Brand effect',
    outcomes: 'Outcomes', nri: 'NRI', rii: 'RII', indicator: 'Indicator', matrix: 'Key-driver priority matrix',
    fixFirst: 'fix first', keepUp: 'keep it up', lowPriority: 'low priority', overdoing: 'maintain',
    metric: 'Metric', instrument: 'Instrument', granularity: 'Per', day: 'day', week: 'week', month: 'month',
    value: 'Value', period_: 'Period', channel: 'Channel', kind: 'Kind', status: 'Status', open: 'Open',
    acknowledged: 'Acknowledged', any: 'Any', acknowledge: 'Acknowledge', more: 'Older alerts', newest: 'Newest',
    noAlerts: 'No alerts in this inbox.', answeredAt: 'Answered', table: 'Table', chart: 'Chart', csv: 'CSV',
    updated: (s) => `Updated ${s} s ago`, live: 'live', reconnecting: 'reconnecting…', polling: 'polling every 15 s',
    loading: 'Loading…', selection: 'Selection', allChannels: 'all channels', allTouchpoints: 'all touchpoints',
    RELATIONSHIP_BROKEN: 'Relationship broken', RELATIONSHIP_WEAKENED: 'Relationship weakened',
    DETRACTOR_COMMENT: 'Detractor with a comment', print: 'Print', untested: 'not tested',
    untestedWhy: 'A composite of several items: its interval needs their covariances, which the sums do not keep.',
    statements: 'What customers were asked',
    alertsUnfiltered: 'Every alert of the organisation, newest first, whatever period or channel the other views show.',
    webhooks: 'Webhooks', addWebhook: 'Add a webhook', webhookUrl: 'URL', events: 'Events', description: 'Description',
    noWebhooks: 'No webhooks yet.', active: 'active', failing: 'failing', paused: 'paused', pausedReason: 'Paused',
    failuresInARow: (n) => (n === 1 ? '1 failed delivery in a row' : `${n} failed deliveries in a row`), sendTest: 'Send a test event', sendAgain: 'Send again', deliveryAction: 'Action', showDeliveries: 'Delivery log',
    pause: 'Pause', resume: 'Resume', newSecret: 'New secret', delete: 'Delete',
    deleteWebhook: (url) => `Delete the webhook to ${url}? What waits to be delivered goes with it.`,
    webhookSecret: 'Signing secret:', secretCopied: 'I have copied it',
    webhookSecretOnce: 'Shown this once: keep it where your receiver verifies the webhook-signature header.',
    previousSignsUntil: (when) => `The previous secret signs too, beside this one, until ${when}: switch your receiver before then.`,
    webhooksNote: (limit, http) => `Alerts and score changes, signed (Standard Webhooks), to your own endpoints: at most ${limit}, ${http ? 'https or http' : 'https only'}.`,
    webhookLimit: (limit) => `The organisation has ${limit} webhooks, as many as it may: delete one first.`,
    noDeliveries: 'Nothing delivered yet.', deliveryLog: 'Latest deliveries, newest first', eventTime: 'Event',
    event: 'Type', deliveryState: 'State', attempts: 'Attempts', lastAttempt: 'Last attempt',
    delivery_pending: 'waiting', delivery_delivered: 'delivered', delivery_failed: 'given up', nextTry: 'next try',
    scan: 'Service Excellence Scan', scanOverall: 'Service Excellence Scan', openScan: 'Open the scan',
    BEGINNING: 'beginning', STARTED_TO_WORK: 'started to work', WELL_ON_THE_WAY: 'well on the way', APPLAUSE: 'applause',
    EXCELLENCE: 'excellence', band: 'Stage', bandScale: 'Reading the score', score: 'Score',
    blocks: 'Building blocks', results: 'Results', resultsTogether: 'Results together', resultAreas: 'Result areas',
    block: 'Building block or result area', sectorBenchmark: 'Sector benchmark', sector: 'Sector',
    sectorMean: 'Sector mean', sectorOverall: 'Sector mean, overall', sectorMeanShort: 'sector', organisations: 'Organisations', difference: 'Your difference',
    points: 'percentage points',
    benchmarkWhole: 'The benchmark compares whole scans of whole organisations, whatever period, role or unit you select.',
    sectors: 'Mean overall score per sector', yourSector: '(your sector)',
    noBenchmark: (least) => `Your sector has fewer than ${least} organisations with a sufficient scan: there is no benchmark for it yet.`,
    noSector: 'No sector is registered for the organisation: it has no benchmark.',
    noSectors: 'No sector has 3 organisations with a sufficient scan yet.',
    disagreements: 'Where opinions differ most', sd: 'SD', relativeSd: 'SD ÷ max.',
    noDisagreements: 'No statement has enough answers to compare its spread yet.',
    disagreementsWhy: "The statements whose answers differ most relative to their scale (SD ÷ max.: the standard deviation divided by the statement's maximum points, 3 or 5): ask why people see them so differently.",
    byRole: 'By role', byUnit: 'By department or team', role: 'Role', unit: 'Department or team',
    allRoles: 'All roles', allUnits: 'All departments and teams', EMPLOYEE: 'Employee', MANAGER: 'Manager',
    EXECUTIVE: 'Executive', noRole: 'role not given', noUnit: 'not given', askYourself: 'Ask yourself',
    scanStatements: 'The statements', naCount: 'n/a', meanPoints: 'Mean points', answers: 'Answers',
    statement: 'Statement', percent: '%',
    scanSelectionNote: "The scan is answered by the organisation's own people: channels and touchpoints do not apply to it.",
    sector_FINANCIALS: 'Financials', sector_CONSULTANCY: 'Consultancy', sector_SERVICES: 'Services',
    sector_BUSINESS_SERVICES: 'Business services', sector_INDUSTRY: 'Industry', sector_TRADE: 'Trade',
    sector_IT_TELECOM: 'IT/Telecom', sector_LOCAL_GOVERNMENT: 'Local government', sector_HEALTHCARE: 'Healthcare',
    sector_EDUCATION: 'Education', sector_OTHER: 'Other',
  },
  nl: {
    language: 'Taal', signOut: 'Afmelden', signIn: 'Aanmelden', signInTitle: 'Aanmelden bij het dashboard van uw organisatie',
    organisationId: 'Organisatie-id', readKey: 'Leessleutel', asAdmin: 'Aanmelden als beheerder', adminToken: 'Beheertoken',
    organisation: 'Organisatie', period: 'Periode', last7: 'Laatste 7 dagen', last30: 'Laatste 30 dagen',
    last90: 'Laatste 90 dagen', quarter: 'Dit kwartaal', year: 'Dit jaar', all: 'Alles', custom: 'Eigen periode',
    from: 'Van', to: 'Tot en met', channels: 'Kanalen', touchpoint: 'Contactmoment',
    compare: 'Vergelijk met de vorige periode', overview: 'Overzicht', serviceproof: 'ServiceProof',
    recovery: 'Service Recovery', trends: 'Trends', segments: 'Segmenten', alerts: 'Meldingen',
    responses: 'Reacties', overall: 'Totaal', serviceproofOverall: 'ServiceProof totaal',
    relationshipImpact: 'Effect op de relatie', nps: 'NPS', ces: 'CES', csat: 'CSAT', n: 'n',
    fewer: (min) => `minder dan ${min} reacties`, withheldNote: (min) => `Minder dan ${min} reacties: cijfers worden niet getoond om respondenten te beschermen.`,
    vsPrevious: 't.o.v. vorige periode', significant: 'een echte verandering', noise: 'binnen de ruis',
    noComparison: 'geen vergelijking', previousWithheld: 'vorige periode te klein', constructs: 'Constructen',
    aspects: 'Aspecten', distribution: 'Antwoorden 1–5 per aspect', drivers: 'Drivers', keyDrivers: 'Belangrijkste drivers',
    priority: 'Prioriteit', importance: 'Belang (r)', mean: 'Gemiddelde', ci95: '95%-interval', brandEffect: 'Merkeffect',
    outcomes: 'Uitkomsten', nri: 'NRI', rii: 'RII', indicator: 'Indicator', matrix: 'Prioriteitenmatrix van de drivers',
    fixFirst: 'eerst verbeteren', keepUp: 'vasthouden', lowPriority: 'lage prioriteit', overdoing: 'onderhouden',
    metric: 'Maat', instrument: 'Instrument', granularity: 'Per', day: 'dag', week: 'week', month: 'maand',
    value: 'Waarde', period_: 'Periode', channel: 'Kanaal', kind: 'Soort', status: 'Status', open: 'Open',
    acknowledged: 'Afgehandeld', any: 'Alle', acknowledge: 'Afhandelen', more: 'Oudere meldingen', newest: 'Nieuwste',
    noAlerts: 'Geen meldingen in deze inbox.', answeredAt: 'Beantwoord', table: 'Tabel', chart: 'Grafiek', csv: 'CSV',
    updated: (s) => `${s} s geleden bijgewerkt`, live: 'live', reconnecting: 'opnieuw verbinden…',
    polling: 'elke 15 s opgevraagd', loading: 'Laden…', selection: 'Selectie', allChannels: 'alle kanalen',
    allTouchpoints: 'alle contactmomenten', RELATIONSHIP_BROKEN: 'Relatie verbroken',
    RELATIONSHIP_WEAKENED: 'Relatie verzwakt', DETRACTOR_COMMENT: 'Criticaster met opmerking', print: 'Afdrukken',
    untested: 'niet getoetst',
    untestedWhy: 'Een samenstelling van meerdere items: het interval vraagt hun covarianties, die de sommen niet bewaren.',
    statements: 'Wat klanten werd gevraagd',
    alertsUnfiltered: 'Alle meldingen van de organisatie, nieuwste eerst, los van de periode of het kanaal van de andere weergaven.',
    webhooks: 'Webhooks', addWebhook: 'Webhook toevoegen', webhookUrl: 'URL', events: 'Gebeurtenissen', description: 'Omschrijving',
    noWebhooks: 'Nog geen webhooks.', active: 'actief', failing: 'storing', paused: 'gepauzeerd', pausedReason: 'Gepauzeerd',
    failuresInARow: (n) => (n === 1 ? '1 mislukte aflevering op rij' : `${n} mislukte afleveringen op rij`), sendTest: 'Testbericht sturen', sendAgain: 'Opnieuw sturen', deliveryAction: 'Actie', showDeliveries: 'Afleverlog',
    pause: 'Pauzeren', resume: 'Hervatten', newSecret: 'Nieuw geheim', delete: 'Verwijderen',
    deleteWebhook: (url) => `De webhook naar ${url} verwijderen? Wat nog afgeleverd moest worden, vervalt.`,
    webhookSecret: 'Ondertekeningsgeheim:', secretCopied: 'Gekopieerd',
    webhookSecretOnce: 'Eenmalig getoond: bewaar het waar uw ontvanger de header webhook-signature controleert.',
    previousSignsUntil: (when) => `Het vorige geheim ondertekent naast dit nog tot ${when}: zet uw ontvanger vóór die tijd om.`,
    webhooksNote: (limit, http) => `Meldingen en scorewijzigingen, ondertekend (Standard Webhooks), naar uw eigen adressen: hoogstens ${limit}, ${http ? 'https of http' : 'alleen https'}.`,
    webhookLimit: (limit) => `De organisatie heeft ${limit} webhooks, het maximum: verwijder er eerst een.`,
    noDeliveries: 'Nog niets afgeleverd.', deliveryLog: 'Laatste afleveringen, nieuwste eerst', eventTime: 'Gebeurtenis',
    event: 'Soort', deliveryState: 'Stand', attempts: 'Pogingen', lastAttempt: 'Laatste poging',
    delivery_pending: 'wacht', delivery_delivered: 'afgeleverd', delivery_failed: 'opgegeven', nextTry: 'volgende poging',
    scan: 'Service Excellence Scan', scanOverall: 'Service Excellence Scan', openScan: 'Naar de scan',
    BEGINNING: 'beginnend', STARTED_TO_WORK: 'aanzet begint te werken', WELL_ON_THE_WAY: 'goed op weg', APPLAUSE: 'applausje',
    EXCELLENCE: 'de weg richting excellence gevonden', band: 'Fase', bandScale: 'De score lezen', score: 'Score',
    blocks: 'Bouwstenen', results: 'Resultaten', resultsTogether: 'Resultaten samen', resultAreas: 'Resultaatgebieden',
    block: 'Bouwsteen of resultaatgebied', sectorBenchmark: 'Sectorbenchmark', sector: 'Sector',
    sectorMean: 'Sectorgemiddelde', sectorOverall: 'Sectorgemiddelde, totaal', sectorMeanShort: 'sector', organisations: 'Organisaties', difference: 'Uw verschil',
    points: 'procentpunt',
    benchmarkWhole: 'De benchmark vergelijkt hele scans van hele organisaties, welke periode, rol of afdeling u ook kiest.',
    sectors: 'Gemiddelde totaalscore per sector', yourSector: '(uw sector)',
    noBenchmark: (least) => `Uw sector heeft minder dan ${least} organisaties met een voldoende scan: er is nog geen benchmark voor.`,
    noSector: 'Voor de organisatie is geen sector vastgelegd: er is geen benchmark.',
    noSectors: 'Nog geen sector heeft 3 organisaties met een voldoende scan.',
    disagreements: 'Waar de meningen het meest verschillen', sd: 'SD', relativeSd: 'SD ÷ max.',
    noDisagreements: 'Nog geen stelling heeft genoeg antwoorden om de spreiding te vergelijken.',
    disagreementsWhy: 'De stellingen waarover de antwoorden het meest uiteenlopen naar hun schaal (SD ÷ max.: de standaarddeviatie gedeeld door de maximale punten van de stelling, 3 of 5): vraag waarom mensen ze zo verschillend zien.',
    byRole: 'Per rol', byUnit: 'Per afdeling of team', role: 'Rol', unit: 'Afdeling of team',
    allRoles: 'Alle rollen', allUnits: 'Alle afdelingen en teams', EMPLOYEE: 'Medewerker', MANAGER: 'Leidinggevende',
    EXECUTIVE: 'Directie', noRole: 'rol niet opgegeven', noUnit: 'niet opgegeven', askYourself: 'Vraag je af',
    scanStatements: 'De stellingen', naCount: 'nvt', meanPoints: 'Gemiddelde punten', answers: 'Antwoorden',
    statement: 'Stelling', percent: '%',
    scanSelectionNote: 'De scan wordt ingevuld door de eigen mensen van de organisatie: kanalen en contactmomenten gelden er niet voor.',
    sector_FINANCIALS: 'Financiële dienstverlening', sector_CONSULTANCY: 'Consultancy', sector_SERVICES: 'Dienstverlening',
    sector_BUSINESS_SERVICES: 'Zakelijke dienstverlening', sector_INDUSTRY: 'Industrie', sector_TRADE: 'Handel',
    sector_IT_TELECOM: 'IT/Telecom', sector_LOCAL_GOVERNMENT: 'Lokale overheid', sector_HEALTHCARE: 'Zorg',
    sector_EDUCATION: 'Onderwijs', sector_OTHER: 'Overig',
  },
};

let catalogue = null;

/** The word for a key in the chosen language; functions take arguments. */
export function t(key, ...args) {
  const word = WORDS[language()][key] ?? WORDS.en[key] ?? key;
  return typeof word === 'function' ? word(...args) : word;
}

/** Loads the instrument catalogue once (public: no key needed). */
export async function loadCatalogue() {
  if (!catalogue) {
    catalogue = await get('/api/v1/instruments');
  }
  return catalogue;
}

function instrument(id) {
  return catalogue?.instruments.find((i) => i.id === id);
}

/** An item's statement in the chosen language, for tooltips and tables; the id when unknown. */
export function statement(instrumentId, itemId) {
  const item = instrument(instrumentId)?.items.find((i) => i.id === itemId);
  return item ? item.statement[language()] : itemId;
}

/** An outcome's label in the chosen language (versterkt, …). */
export function outcome(id) {
  const found = instrument('SERVICE_RECOVERY')?.outcomes.find((o) => o.id === id);
  const label = found ? found.label[language()] : id.toLowerCase();
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** An item of an instrument as the catalogue describes it (statement, answers, group), or undefined. */
export function catalogueItem(instrumentId, itemId) {
  return instrument(instrumentId)?.items.find((i) => i.id === itemId);
}

/** A group of an instrument's items (the scan's building blocks and result areas), or undefined. */
export function catalogueGroup(instrumentId, groupId) {
  return instrument(instrumentId)?.groups?.find((g) => g.id === groupId);
}

/** A group's title in the chosen language: Designing and renewing outstanding customer experiences, … */
export function groupTitle(instrumentId, groupId) {
  const found = catalogueGroup(instrumentId, groupId);
  return found ? found.title[language()] : itemName(groupId).replace(/_/g, ' ');
}

/** The label of an answer word of an item (systematisch, bovengemiddeld, …); the word when unknown. */
export function answerLabel(instrumentId, itemId, word) {
  const found = catalogueItem(instrumentId, itemId)?.answers?.find((a) => a.word === word);
  return found ? found.label[language()] : word.toLowerCase().replace(/_/g, ' ');
}

/** The questions the method asks its readers to put to the figures, in the chosen language. */
export function readingQuestions(instrumentId) {
  return (instrument(instrumentId)?.readingQuestions ?? []).map((q) => q[language()]);
}

/** An item's name as the method writes it: Sensing, Receptiveness, … */
export function itemName(id) {
  return id.charAt(0) + id.slice(1).toLowerCase();
}

/** Sets the static texts of the page (elements with data-i18n) in the chosen language. */
export function translatePage(root = document) {
  document.documentElement.lang = language();
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
}
