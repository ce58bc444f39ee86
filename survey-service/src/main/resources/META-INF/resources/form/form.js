// The hosted questionnaire of a link /r/<token>: it reads the link's questionnaire, shows one group of questions
// per page and posts the answers once. Answers, the current page and the response's id are kept in localStorage
// under the token, so that a reload, a lost connection or a second click loses nothing and counts once.
// Texts of the questions come from the instrument catalogue (en, nl); the page's own words are below.

const WORDS = {
  en: {
    otherLanguage: 'Nederlands', otherLanguageCode: 'nl',
    loading: 'Loading the questionnaire…',
    page: (page, pages) => `Page ${page} of ${pages}`,
    back: 'Back', next: 'Next', submit: 'Send my answers', sending: 'Sending…',
    welcome: 'Welcome',
    scanIntro: (organisation, name) => `${organisation} asks its employees and managers to assess the organisation with the ${name}.`,
    scanHow: 'Each page is one building block or result area of the organisation. Answer each statement as you see it, '
      + 'or choose "not applicable". You may skip a statement. Your answers are kept on this device until you send them.',
    unit: 'Department or team',
    role: 'What is your role?', optional: '(optional)', noRole: 'I prefer not to say',
    BLOCK: (n, of) => `Building block ${n} of ${of}`,
    RESULT_AREA: (n, of) => `Result area ${n} of ${of}`,
    blockHint: 'For each statement: is this not the case (no), has a start been made (started), or is it done systematically?',
    resultHint: 'For each statement: how does the organisation do compared with similar organisations?',
    experience: 'Your experience', recoveryExperience: 'How your problem was handled',
    customerIntro: (organisation) => `${organisation} would like to know how you experienced its service.`,
    recoveryIntro: (organisation) => `${organisation} would like to know how your problem or complaint was handled.`,
    agreeHint: 'How far do you agree with each statement? Choose "not applicable" or skip a statement that does not apply to you.',
    moreQuestions: 'A few more questions',
    notApplicable: 'not applicable', noAnswer: 'no answer', required: '(required)',
    characters: (n, max) => `${n} of ${max} characters`,
    chooseOne: 'Please choose an answer.',
    missing: 'An answer is missing: see the marked question.',
    atLeastOneScan: 'Please answer at least one statement with something other than "not applicable" before you send your answers.',
    atLeastOne: 'Please answer at least one of the statements.',
    rejected: 'Some answers could not be accepted:',
    tooMany: (seconds) => `Many answers were sent from here just now. Please wait ${seconds ? `${seconds} seconds` : 'a moment'} and send again; your answers are kept.`,
    unavailable: 'Your answers could not be sent just now. They are kept on this device: please try again in a moment.',
    failedSend: 'Your answers could not be sent:',
    thanks: 'Thank you!', thanksText: (organisation) => `${organisation} has received your answers.`,
    thanksClose: 'You can close this page now.',
    alreadySent: (date) => `You sent your answers from this device on ${date}.`,
    answerAgain: 'Fill in again (for someone else on this device)',
    notFound: 'This link does not work',
    notFoundText: 'We do not know this link. Please check that you opened the whole link from your invitation.',
    gone: 'This questionnaire is closed', goneText: 'This link can no longer be used.',
    failed: 'The questionnaire could not be loaded', failedText: 'Please check your connection and try again in a moment.',
    retry: 'Try again',
  },
  nl: {
    otherLanguage: 'English', otherLanguageCode: 'en',
    loading: 'De vragenlijst wordt geladen…',
    page: (page, pages) => `Pagina ${page} van ${pages}`,
    back: 'Vorige', next: 'Volgende', submit: 'Verstuur mijn antwoorden', sending: 'Bezig met versturen…',
    welcome: 'Welkom',
    scanIntro: (organisation, name) => `${organisation} vraagt haar medewerkers en leidinggevenden de organisatie te beoordelen met de ${name}.`,
    scanHow: 'Elke pagina is één bouwsteen of resultaatgebied van de organisatie. Beantwoord elke stelling zoals u het ziet, '
      + 'of kies "nvt". U mag een stelling overslaan. Uw antwoorden blijven op dit apparaat bewaard tot u ze verstuurt.',
    unit: 'Afdeling of team',
    role: 'Wat is uw rol?', optional: '(niet verplicht)', noRole: 'Zeg ik liever niet',
    BLOCK: (n, of) => `Bouwsteen ${n} van ${of}`,
    RESULT_AREA: (n, of) => `Resultaatgebied ${n} van ${of}`,
    blockHint: 'Per stelling: is dit niet het geval (nee), is er een aanzet gemaakt (aanzet), of gebeurt het systematisch?',
    resultHint: 'Per stelling: hoe doet de organisatie het in vergelijking met vergelijkbare organisaties?',
    experience: 'Uw ervaring', recoveryExperience: 'Hoe uw probleem is afgehandeld',
    customerIntro: (organisation) => `${organisation} wil graag weten hoe u de service hebt ervaren.`,
    recoveryIntro: (organisation) => `${organisation} wil graag weten hoe uw probleem of klacht is afgehandeld.`,
    agreeHint: 'In hoeverre bent u het eens met elke stelling? Kies "niet van toepassing" of sla een stelling over als die niet voor u geldt.',
    moreQuestions: 'Nog een paar vragen',
    notApplicable: 'niet van toepassing', noAnswer: 'geen antwoord', required: '(verplicht)',
    characters: (n, max) => `${n} van ${max} tekens`,
    chooseOne: 'Kies een antwoord.',
    missing: 'Er ontbreekt een antwoord: zie de gemarkeerde vraag.',
    atLeastOneScan: 'Beantwoord minstens één stelling met iets anders dan "nvt" voordat u uw antwoorden verstuurt.',
    atLeastOne: 'Beantwoord minstens één van de stellingen.',
    rejected: 'Sommige antwoorden konden niet worden geaccepteerd:',
    tooMany: (seconds) => `Er zijn zojuist veel antwoorden vanaf hier verstuurd. Wacht ${seconds ? `${seconds} seconden` : 'even'} en verstuur opnieuw; uw antwoorden blijven bewaard.`,
    unavailable: 'Uw antwoorden konden nu niet worden verstuurd. Ze blijven op dit apparaat bewaard: probeer het zo opnieuw.',
    failedSend: 'Uw antwoorden konden niet worden verstuurd:',
    thanks: 'Hartelijk dank!', thanksText: (organisation) => `${organisation} heeft uw antwoorden ontvangen.`,
    thanksClose: 'U kunt deze pagina nu sluiten.',
    alreadySent: (date) => `U hebt uw antwoorden op ${date} vanaf dit apparaat verstuurd.`,
    answerAgain: 'Opnieuw invullen (voor iemand anders op dit apparaat)',
    notFound: 'Deze link werkt niet',
    notFoundText: 'Wij kennen deze link niet. Controleer of u de hele link uit uw uitnodiging hebt geopend.',
    gone: 'Deze vragenlijst is gesloten', goneText: 'Deze link kan niet meer worden gebruikt.',
    failed: 'De vragenlijst kon niet worden geladen', failedText: 'Controleer uw verbinding en probeer het zo opnieuw.',
    retry: 'Opnieuw proberen',
  },
};

/** The longest comment the ingest path takes (SPEC §2.3). */
const COMMENT_MAX = 4000;

const token = (/^\/r\/([^/]+)\/?$/.exec(location.pathname) || [])[1] || '';
const api = `/api/v1/questionnaires/${token}`;
const storageKey = `voc-form:${token}`;
const main = document.getElementById('main');
const languageButton = document.getElementById('language');

const state = {
  language: browserLanguage(),
  view: 'loading', // loading | form | thanks | message
  message: null, // { title, text, detail, retry } of a full-page message
  questionnaire: null,
  pages: [],
  page: 0,
  answers: {}, // item id → a word, a number, '' (not applicable / no answer) or text
  role: null, // a role id, '' (prefers not to say) or null
  responseId: null,
  errors: {}, // item field (or 'role') → what is wrong
  problem: null, // { key, arg, errors } shown above the buttons
  busy: false,
};

// ---- small helpers -----------------------------------------------------------------------------------------------

function words() {
  return WORDS[state.language];
}

/** A text of the catalogue in the page's language. */
function t(text) {
  return text ? (text[state.language] ?? text.en ?? '') : '';
}

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') element.textContent = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

function browserLanguage() {
  const found = (navigator.languages || [navigator.language || '']).map((tag) => tag.slice(0, 2).toLowerCase())
    .find((code) => code in WORDS);
  return found || 'en';
}

/** A random (version 4) UUID; crypto.randomUUID exists only on https, the link may be plain http. */
function uuid() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function range(min, max) {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

// ---- what is kept on the device -----------------------------------------------------------------------------------

function restore() {
  try {
    return JSON.parse(localStorage.getItem(storageKey)) || {};
  } catch {
    return {};
  }
}

function save() {
  try {
    localStorage.setItem(storageKey, JSON.stringify({
      responseId: state.responseId, page: state.page, answers: state.answers, role: state.role, language: state.language,
    }));
  } catch {
    // storage off or full: the form still works, it just cannot restore after a reload
  }
}

function forget() {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // nothing kept
  }
}

/** When this device sent answers through the link, so that reopening the link does not invite a second response. */
function sentAt() {
  try {
    return localStorage.getItem(`${storageKey}:sent`);
  } catch {
    return null;
  }
}

function markSent(when) {
  try {
    if (when) localStorage.setItem(`${storageKey}:sent`, when);
    else localStorage.removeItem(`${storageKey}:sent`);
  } catch {
    // storage off: the form opens empty again
  }
}

// ---- the questionnaire's items -----------------------------------------------------------------------------------

const isStatement = (item) => item.field.startsWith('answers.');
const isText = (item) => !item.scale && !item.answers && item.id !== 'relationship';

/** Whether a kept value is one of the item's answers ('' being "not applicable"/"no answer" where offered). */
function valid(item, value) {
  if (value === '') return Boolean(item.scale) && !item.required;
  if (item.answers) return item.answers.some((answer) => answer.word === value);
  if (item.scale) return Number.isInteger(value) && value >= item.scale.min && value <= item.scale.max;
  if (item.id === 'relationship') return state.questionnaire.instrument.outcomes.some((outcome) => outcome.id === value);
  return typeof value === 'string';
}

/** An answer that counts towards "at least one": a number, or a word with points (not NA). */
function counts(item, value) {
  if (item.answers) return item.answers.some((answer) => answer.word === value && answer.points !== null);
  return Number.isInteger(value);
}

function answered(item) {
  const value = state.answers[item.id];
  return value !== undefined && value !== '' && !(isText(item) && !value.trim());
}

/** The scan: an intro page, then one page per building block and result area; customers: statements, then questions. */
function paginate(instrument) {
  const { items, groups } = instrument;
  if (groups.length) {
    const pages = [{ kind: 'intro', items: [] }];
    const kinds = {};
    for (const group of groups) {
      const inGroup = items.filter((item) => item.group === group.id);
      kinds[group.kind] = (kinds[group.kind] || 0) + 1;
      if (inGroup.length) pages.push({ kind: 'group', group, position: kinds[group.kind], items: inGroup });
    }
    pages.filter((page) => page.group).forEach((page) => { page.of = kinds[page.group.kind]; });
    const rest = items.filter((item) => !groups.some((group) => group.id === item.group));
    if (rest.length) pages.push({ kind: 'questions', items: rest });
    return pages;
  }
  return [
    { kind: 'statements', items: items.filter(isStatement) },
    { kind: 'questions', items: items.filter((item) => !isStatement(item)) },
  ].filter((page) => page.items.length);
}

function itemRequired() {
  return state.questionnaire.instrument.itemRequired;
}

function lastStatementPage() {
  return state.pages.findLastIndex((page) => page.items.some(isStatement));
}

/** The body of the POST: answered items only; the link fixes instrument, unit, touchpoint and channel. */
function body() {
  const { instrument, askRole } = state.questionnaire;
  const posted = { responseId: state.responseId, answers: {} };
  for (const item of instrument.items) {
    if (!answered(item)) continue;
    const value = isText(item) ? state.answers[item.id].trim() : state.answers[item.id];
    if (isStatement(item)) posted.answers[item.field.slice('answers.'.length)] = value;
    else posted[item.field] = value;
  }
  if (askRole && state.role) posted.role = state.role;
  return posted;
}

// ---- rendering ------------------------------------------------------------------------------------------------------

function render() {
  const w = words();
  document.documentElement.lang = state.language;
  languageButton.textContent = w.otherLanguage;
  languageButton.lang = w.otherLanguageCode;
  languageButton.hidden = false;
  document.getElementById('organisation').textContent = state.questionnaire?.organisation?.name || '';
  if (state.view === 'form') renderPage();
  else if (state.view === 'thanks') renderThanks();
  else if (state.view === 'message') renderMessage();
  else main.replaceChildren(h('p', { class: 'loading', text: w.loading }));
}

function pageTitle(page) {
  const w = words();
  const recovery = state.questionnaire.instrument.id === 'SERVICE_RECOVERY';
  if (page.kind === 'intro') return w.welcome;
  if (page.kind === 'group') return t(page.group.title);
  if (page.kind === 'statements') return recovery ? w.recoveryExperience : w.experience;
  return w.moreQuestions;
}

function renderPage() {
  const w = words();
  const { instrument } = state.questionnaire;
  const page = state.pages[state.page];
  const number = state.page + 1;
  const total = state.pages.length;
  const last = number === total;
  const title = pageTitle(page);
  document.title = `${title} (${number}/${total}) · ${t(instrument.name)}`;
  const form = h('form', { id: 'questionnaire', novalidate: true },
    h('h1', { class: 'title', 'data-testid': 'questionnaire-title', text: t(instrument.name) }),
    h('div', { class: 'progress' },
      h('p', { id: 'progress', 'data-testid': 'progress', 'data-page': number, 'data-pages': total, text: w.page(number, total) }),
      h('progress', { max: total, value: number, 'aria-labelledby': 'progress' })),
    page.group && h('p', { class: 'eyebrow', text: w[page.group.kind]?.(page.position, page.of) }),
    h('h2', { id: 'page-title', tabindex: '-1', text: title }),
    introduction(page),
    page.kind === 'intro' && state.questionnaire.askRole && roleChoice(),
    page.items.map(renderItem),
    state.problem && problemBox(state.problem),
    h('div', { class: 'actions' },
      state.page > 0 && h('button', { type: 'button', class: 'secondary', id: 'back', 'data-testid': 'back', text: w.back }),
      h('button', {
        type: 'submit', class: 'primary', 'data-testid': last ? 'submit' : 'next',
        'aria-disabled': state.busy ? 'true' : null, text: last ? (state.busy ? w.sending : w.submit) : w.next,
      })));
  main.replaceChildren(form);
}

/** What stops the page, just above its buttons: a message of the page's own (a key of WORDS) and the server's details. */
function problemBox({ key, arg, errors = [] }) {
  const w = words();
  const { items } = state.questionnaire.instrument;
  const lines = errors.map(({ field, detail }) => {
    const item = items.find((candidate) => candidate.field === field);
    const label = item ? t(item.statement) : field === 'role' ? w.role : field;
    return [label, detail].filter(Boolean).join(' — ');
  });
  return h('div', { class: 'problem', id: 'problem', role: 'alert', tabindex: '-1', 'data-testid': 'problem' },
    h('p', { text: typeof w[key] === 'function' ? w[key](arg) : w[key] }),
    lines.length > 0 && h('ul', {}, lines.map((line) => h('li', { text: line }))));
}

function introduction(page) {
  const w = words();
  const { organisation, instrument, unit } = state.questionnaire;
  const name = organisation?.name || '';
  switch (page.kind) {
    case 'intro':
      return [
        h('p', { text: w.scanIntro(name, t(instrument.name)) }),
        h('p', { text: t(instrument.invitation) }),
        unit && h('p', { class: 'unit' }, h('strong', { text: `${w.unit}: ` }), unit),
        h('p', { class: 'hint', text: w.scanHow }),
      ];
    case 'group':
      return [
        h('p', { class: 'intro', text: t(page.group.covers) }),
        h('p', { class: 'hint', text: page.group.kind === 'RESULT_AREA' ? w.resultHint : w.blockHint }),
      ];
    case 'statements':
      return [
        h('p', { class: 'intro', text: instrument.id === 'SERVICE_RECOVERY' ? w.recoveryIntro(name) : w.customerIntro(name) }),
        instrument.invitation && h('p', { text: t(instrument.invitation) }),
        h('p', { class: 'hint', text: w.agreeHint }),
      ];
    default:
      return null;
  }
}

function option(name, value, label, { checked, required, className = 'option', spoken } = {}) {
  return h('label', { class: className },
    h('input', { type: 'radio', name, value, checked, required }),
    h('span', { text: label }),
    spoken && h('span', { class: 'visually-hidden', text: spoken }));
}

function fieldset(key, legend, required, ...content) {
  const w = words();
  const error = state.errors[key];
  const errorId = `error-${key.replace(/\W/g, '-')}`;
  return h('fieldset', { class: error ? 'item invalid' : 'item', 'data-field': key, 'aria-describedby': error ? errorId : null },
    h('legend', {}, legend, required && h('span', { class: 'required', text: ` ${required === true ? w.required : required}` })),
    error && h('p', { class: 'error', id: errorId, text: error }),
    content);
}

function roleChoice() {
  const w = words();
  const { roles } = state.questionnaire.instrument;
  return fieldset('role', w.role, w.optional,
    h('div', { class: 'choices' },
      roles.map((role) => option('role', role.id, t(role.label), { checked: state.role === role.id })),
      option('role', '', w.noRole, { checked: state.role === '' })));
}

function renderItem(item) {
  const w = words();
  const value = state.answers[item.id];
  const is = (candidate) => value !== undefined && String(value) === candidate;
  const required = item.required;
  if (isText(item)) {
    const text = typeof value === 'string' ? value : '';
    const error = state.errors[item.field];
    return h('div', { class: error ? 'item invalid' : 'item', 'data-field': item.field },
      h('label', { for: `text-${item.id}`, class: 'question', text: t(item.statement) }),
      error && h('p', { class: 'error', text: error }),
      h('textarea', {
        id: `text-${item.id}`, name: item.id, maxlength: COMMENT_MAX, rows: 5, 'aria-describedby': `count-${item.id}`, text,
      }),
      h('p', { class: 'hint', id: `count-${item.id}`, text: w.characters(text.length, COMMENT_MAX) }));
  }
  if (item.answers) { // a scan statement: its answer words in a row, NA (no points) below them
    const word = (answer, className) => option(item.id, answer.word, t(answer.label), { checked: is(answer.word), required, className });
    return fieldset(item.field, t(item.statement), required,
      h('div', { class: 'choices' }, item.answers.filter((answer) => answer.points !== null).map((answer) => word(answer))),
      item.answers.filter((answer) => answer.points === null).map((answer) => word(answer, 'option na')));
  }
  if (!item.scale) { // the relationship outcome
    return fieldset(item.field, t(item.statement), required,
      h('div', { class: 'choices' }, state.questionnaire.instrument.outcomes.map((outcome) =>
        option(item.id, outcome.id, t(outcome.label), { checked: is(outcome.id), required }))));
  }
  const { min, max, labels } = item.scale;
  const values = range(min, max);
  return fieldset(item.field, t(item.statement), required,
    h('div', { class: `scale n${values.length}` }, values.map((number) => option(item.id, String(number), String(number), {
      checked: is(String(number)), required, spoken: labels?.[number] ? ` ${t(labels[number])}` : null,
    }))),
    h('div', { class: 'ends', 'aria-hidden': 'true' }, h('span', { text: t(labels?.[min]) }), h('span', { text: t(labels?.[max]) })),
    !required && option(item.id, '', isStatement(item) ? w.notApplicable : w.noAnswer, { checked: is(''), className: 'option na' }));
}

function renderMessage() {
  const w = words();
  const { title, text, detail, retry } = state.message;
  document.title = w[title];
  main.replaceChildren(h('section', { class: 'message', 'data-testid': 'problem' },
    h('h1', { tabindex: '-1', text: w[title] }),
    h('p', { text: w[text] }),
    detail && h('p', { class: 'detail', text: detail.charAt(0).toUpperCase() + detail.slice(1) }),
    retry && h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', id: 'retry', text: w.retry }))));
}

function renderThanks() {
  const w = words();
  const sent = sentAt();
  document.title = w.thanks;
  main.replaceChildren(h('section', { class: 'message thanks', 'data-testid': 'thanks' },
    h('h1', { tabindex: '-1', text: w.thanks }),
    h('p', { text: w.thanksText(state.questionnaire.organisation?.name || '') }),
    sent && h('p', { text: w.alreadySent(new Date(sent).toLocaleDateString(state.language)) }),
    h('p', { text: w.thanksClose }),
    sent && h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'again', 'data-testid': 'again', text: w.answerAgain }))));
}

function focus(selector, block = 'start') {
  const element = main.querySelector(selector);
  if (element) {
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block });
  }
}

function show(view, message = null) {
  state.view = view;
  state.message = message;
  render();
  focus('h1');
}

// ---- moving between pages and sending ----------------------------------------------------------------------------

function go(page) {
  state.page = page;
  state.problem = null;
  save();
  renderPage();
  window.scrollTo(0, 0);
  main.querySelector('#page-title').focus();
}

/** Checks the page before moving on: its required questions, and "at least one" once past the last statements. */
function pageComplete() {
  const w = words();
  const page = state.pages[state.page];
  const missing = page.items.filter((item) => item.required && !answered(item));
  missing.forEach((item) => { state.errors[item.field] = w.chooseOne; });
  if (missing.length) {
    state.problem = { key: 'missing' };
    renderPage();
    focus(`[data-field="${missing[0].field}"] input`, 'center');
    return false;
  }
  if (state.page === lastStatementPage() && itemRequired()
      && !state.questionnaire.instrument.items.some((item) => counts(item, state.answers[item.id]))) {
    state.problem = { key: state.questionnaire.instrument.groups.length ? 'atLeastOneScan' : 'atLeastOne' };
    renderPage();
    focus('#problem', 'center');
    return false;
  }
  return true;
}

/** The JSON of an answer (a questionnaire or a problem); {} when it has none. */
async function jsonOf(response) {
  try {
    return await response.json();
  } catch {
    return {};
  }
}

async function send() {
  if (state.busy || !pageComplete()) return;
  const w = words();
  state.busy = true;
  state.problem = null;
  save();
  const button = main.querySelector('[data-testid="submit"]');
  button.setAttribute('aria-disabled', 'true');
  button.textContent = w.sending;
  main.querySelector('#problem')?.remove();
  let response;
  try {
    response = await fetch(`${api}/responses`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body()),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    response = null;
  }
  state.busy = false;
  if (response && response.ok) {
    forget();
    markSent(new Date().toISOString());
    show('thanks');
    return;
  }
  const problem = response ? await jsonOf(response) : {};
  const status = response ? response.status : 0;
  if (status === 404 || status === 410 || status === 403) {
    closed(status, problem.detail);
    return;
  }
  if (status === 400 && Array.isArray(problem.errors) && problem.errors.length) {
    rejected(problem.errors);
  } else if (status === 429) {
    const seconds = Number.parseInt(response.headers.get('Retry-After'), 10);
    state.problem = { key: 'tooMany', arg: seconds > 0 ? seconds : 0 };
  } else if (status >= 400 && status < 500) {
    state.problem = { key: 'failedSend', errors: [{ detail: problem.detail || problem.title || `HTTP ${status}` }] };
  } else {
    state.problem = { key: 'unavailable' };
  }
  renderPage();
  focus('#problem', 'center');
}

/** A 400: each error next to its question (on the first page that has one) and all of them above the questions. */
function rejected(errors) {
  const { items } = state.questionnaire.instrument;
  state.errors = {};
  for (const { field, detail } of errors) {
    if (field === 'role' || items.some((item) => item.field === field)) state.errors[field] = detail;
  }
  const first = state.pages.findIndex((page) => page.items.some((item) => state.errors[item.field])
    || (page.kind === 'intro' && state.errors.role));
  if (first >= 0) state.page = first;
  state.problem = { key: 'rejected', errors };
  save();
}

/** A link that is unknown (404) or no longer open (410: expired, withdrawn, or its organisation deactivated). */
function closed(status, detail) {
  forget();
  const gone = status !== 404;
  show('message', { title: gone ? 'gone' : 'notFound', text: gone ? 'goneText' : 'notFoundText', detail });
}

// ---- events ---------------------------------------------------------------------------------------------------------

function itemNamed(name) {
  return state.questionnaire.instrument.items.find((item) => item.id === name);
}

function clearError(control) {
  const box = control.closest('[data-field]');
  if (!box || !state.errors[box.dataset.field]) return;
  delete state.errors[box.dataset.field];
  box.classList.remove('invalid');
  box.removeAttribute('aria-describedby');
  box.querySelector('.error')?.remove();
}

main.addEventListener('change', (event) => {
  const input = event.target;
  if (input.type !== 'radio') return;
  if (input.name === 'role') {
    state.role = input.value;
  } else {
    const item = itemNamed(input.name);
    if (!item) return;
    state.answers[item.id] = input.value === '' || !item.scale ? input.value : Number(input.value);
  }
  clearError(input);
  save();
});

main.addEventListener('input', (event) => {
  const area = event.target;
  if (area.tagName !== 'TEXTAREA') return;
  state.answers[area.name] = area.value;
  document.getElementById(`count-${area.name}`).textContent = words().characters(area.value.length, COMMENT_MAX);
  clearError(area);
  save();
});

main.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state.busy) return;
  if (state.page === state.pages.length - 1) send();
  else if (pageComplete()) go(state.page + 1);
});

main.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  if (button.id === 'back' && !state.busy) go(state.page - 1);
  if (button.id === 'retry') load();
  if (button.id === 'again') {
    markSent(null);
    load();
  }
});

languageButton.addEventListener('click', () => {
  state.language = words().otherLanguageCode;
  if (state.view === 'form') save();
  render();
});

// ---- start ----------------------------------------------------------------------------------------------------------

async function load() {
  const kept = restore();
  if (kept.language in WORDS) state.language = kept.language;
  state.view = 'loading';
  render();
  if (!token) {
    show('message', { title: 'notFound', text: 'notFoundText' });
    return;
  }
  let response;
  try {
    response = await fetch(api, { headers: { Accept: 'application/json' }, credentials: 'omit', cache: 'no-store' });
  } catch {
    show('message', { title: 'failed', text: 'failedText', retry: true });
    return;
  }
  const questionnaire = await jsonOf(response);
  if (response.status === 404 || response.status === 410 || response.status === 403) {
    closed(response.status, questionnaire.detail);
    return;
  }
  if (!response.ok || !questionnaire.instrument) {
    show('message', { title: 'failed', text: 'failedText', detail: questionnaire.detail, retry: true });
    return;
  }
  state.questionnaire = questionnaire;
  if (!(kept.language in WORDS) && questionnaire.language in WORDS) state.language = questionnaire.language;
  if (sentAt() && !kept.answers) {
    // this device answered already: say so rather than invite a second response
    show('thanks');
    return;
  }
  state.pages = paginate(questionnaire.instrument);
  state.answers = {};
  for (const item of questionnaire.instrument.items) {
    const value = kept.answers?.[item.id];
    if (value !== undefined && valid(item, value)) state.answers[item.id] = value;
  }
  const roles = questionnaire.instrument.roles.map((role) => role.id);
  state.role = questionnaire.askRole && (kept.role === '' || roles.includes(kept.role)) ? kept.role : null;
  state.responseId = typeof kept.responseId === 'string' && kept.responseId ? kept.responseId : uuid();
  state.page = Number.isInteger(kept.page) && kept.page >= 0 && kept.page < state.pages.length ? kept.page : 0;
  state.view = 'form';
  render();
}

load();
