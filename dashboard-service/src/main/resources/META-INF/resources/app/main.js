// The reference dashboard: signs in, keeps the view and the filters in the URL, shows the view, and follows the
// organisation's score stream so that what is shown is never stale.

import { ApiError, follow, forget, get } from './api.js';
import { disposeAll } from './charts.js';
import { loadCatalogue, t, translatePage } from './i18n.js';
import * as state from './state.js';
import { el } from './ui.js';
import * as overview from './views/overview.js';
import * as serviceproof from './views/serviceproof.js';
import * as recovery from './views/recovery.js';
import * as scan from './views/scan.js';
import * as trends from './views/trends.js';
import * as segments from './views/segments.js';
import * as alerts from './views/alerts.js';
import * as webhooks from './views/webhooks.js';

const VIEWS = { overview, serviceproof, recovery, scan, trends, segments, alerts, webhooks };
const main = document.getElementById('view');
const status = document.getElementById('status');
const filters = document.getElementById('filters');
const signInDialog = document.getElementById('sign-in');

let current = state.fromQuery();
let stream = null;
let updatedAt = null;
let streamState = '';
let rendering = null;
const FIRST_FIGURES = 'voc:first-figures';
let again = false;

function base() {
  return `/api/v1/organisations/${encodeURIComponent(state.credentials().org)}`;
}

/** Changes the state (view or filters), writes it to the URL and shows it. */
function update(changes, { push = true } = {}) {
  current = { ...current, ...changes };
  if (changes.range && changes.range !== 'custom') {
    Object.assign(current, state.rangeDays(changes.range));
  }
  const query = state.toQuery(current);
  if (query !== window.location.search) {
    window.history[push ? 'pushState' : 'replaceState'](null, '', `${window.location.pathname}${query}`);
  }
  syncControls();
  show();
}

function context() {
  return { state: current, base: base(), params: (options) => state.selectionParams(current, options), update };
}

/** Shows the current view; a refresh asked for while one runs is done once it is over. */
async function show({ quietly = false } = {}) {
  if (rendering) {
    again = true;
    return rendering;
  }
  rendering = (async () => {
    const view = VIEWS[current.view];
    if (!quietly) {
      main.setAttribute('aria-busy', 'true');
    }
    try {
      const result = await view.render(context());
      // a view's own control (a picker) that had the focus has it again in the new view, with what was being typed
      // into it when only the figures were refreshed: neither a keyboard user nor a live update loses their place
      const active = main.contains(document.activeElement) && document.activeElement.name ? document.activeElement : null;
      disposeAll();
      main.replaceChildren(el('p', { class: 'print-selection' }, selectionText()), ...result.parts.filter(Boolean));
      const control = active ? main.querySelector(`[name="${CSS.escape(active.name)}"]`) : null;
      if (control) {
        if (quietly && control.type === 'text') control.value = active.value;
        control.focus();
      }
      result.draw?.();
      if (performance.getEntriesByName(FIRST_FIGURES).length === 0) {
        // the frame that paints the first figures: what the page-load benchmark measures from navigation start
        requestAnimationFrame(() => performance.mark(FIRST_FIGURES));
      }
      updatedAt = Date.now();
      renderStatus();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        signOut(error.detail);
        return;
      }
      console.error(error);
      disposeAll();
      main.replaceChildren(el('p', { class: 'problem', role: 'alert' }, error.detail || error.message));
    } finally {
      main.removeAttribute('aria-busy');
    }
  })();
  await rendering;
  rendering = null;
  if (again) {
    again = false;
    await show({ quietly: true });
  }
}

function selectionText() {
  if (current.view === 'scan') {
    const period = current.from || current.to ? `${current.from ?? '…'} – ${current.to ?? '…'}` : t('all');
    return `${t('selection')}: ${period} · ${current.role ? t(current.role) : t('allRoles')} · ${current.unit ?? t('allUnits')}`;
  }
  const channels = current.channels.length ? current.channels.join(', ') : t('allChannels');
  const period = current.from || current.to ? `${current.from ?? '…'} – ${current.to ?? '…'}` : t('all');
  return `${t('selection')}: ${period} · ${channels} · ${current.touchpoint ?? t('allTouchpoints')}`;
}

function renderStatus() {
  if (!updatedAt) {
    status.textContent = '';
    return;
  }
  const seconds = Math.max(0, Math.round((Date.now() - updatedAt) / 1000));
  status.textContent = `${t('updated', seconds)} · ${streamState ? t(streamState) : ''}`;
  status.dataset.updatedAt = String(updatedAt);
}

function buildNavigation() {
  const nav = document.getElementById('views');
  nav.replaceChildren(...state.VIEWS.map((name) => el('a', {
    href: state.toQuery({ ...current, view: name }),
    'data-view': name,
    'aria-current': name === current.view ? 'page' : null,
    onclick: (event) => {
      event.preventDefault();
      update({ view: name });
      main.focus();
    },
  }, t(name))));
}

function syncControls() {
  buildNavigation();
  // the alerts inbox and the webhooks are not a selection of scores
  filters.hidden = !state.credentials() || current.view === 'alerts' || current.view === 'webhooks';
  // the scan is answered by the organisation's own people: it has a period, but no channel, touchpoint or comparison
  const scan = current.view === 'scan' || (current.view === 'trends' && current.instrument === 'SERVICE_EXCELLENCE_SCAN');
  filters.querySelector('.channels').hidden = scan;
  filters.touchpoint.closest('label').hidden = scan;
  filters.compare.closest('label').hidden = scan;
  filters.range.value = current.range;
  filters.from.value = current.from ?? '';
  filters.to.value = current.to ?? '';
  filters.touchpoint.value = current.touchpoint ?? '';
  filters.compare.checked = current.compare;
  filters.compare.disabled = !(current.from && current.to);
  filters.querySelectorAll('input[name="channel"]').forEach((box) => {
    box.checked = current.channels.includes(box.value);
  });
}

function wireFilters() {
  document.getElementById('channel-options').replaceChildren(...state.CHANNELS.map((channel) =>
    el('label', {}, el('input', { type: 'checkbox', name: 'channel', value: channel }), ` ${channel}`)));
  filters.addEventListener('change', (event) => {
    const target = event.target;
    if (target.name === 'range') {
      update({ range: target.value });
    } else if (target.name === 'from' || target.name === 'to') {
      update({ range: 'custom', [target.name]: target.value || null });
    } else if (target.name === 'channel') {
      update({ channels: [...filters.querySelectorAll('input[name="channel"]:checked')].map((b) => b.value) });
    } else if (target.name === 'touchpoint') {
      update({ touchpoint: target.value.trim() || null });
    } else if (target.name === 'compare') {
      update({ compare: target.checked });
    }
  });
  filters.addEventListener('submit', (event) => event.preventDefault());
}

function startFollowing() {
  stream?.stop();
  stream = follow(state.credentials().org, () => show({ quietly: true }), (s) => {
    streamState = s;
    renderStatus();
  });
}

async function showOrganisation() {
  const who = state.credentials();
  try {
    const organisation = await get(base());
    document.getElementById('organisation').textContent = `${organisation.name} (${organisation.id})`;
  } catch {
    document.getElementById('organisation').textContent = who.org;
  }
}

function signedIn() {
  document.getElementById('views').hidden = false;
  document.getElementById('sign-out').hidden = false;
  syncControls();
  showOrganisation();
  startFollowing();
  show();
}

function signOut(problem) {
  stream?.stop();
  stream = null;
  state.signOut();
  forget();
  disposeAll();
  main.replaceChildren();
  updatedAt = null;
  renderStatus();
  document.getElementById('organisation').textContent = '';
  document.getElementById('views').hidden = true;
  filters.hidden = true;
  document.getElementById('sign-out').hidden = true;
  askToSignIn(problem);
}

function askToSignIn(problem) {
  const shown = document.getElementById('sign-in-problem');
  shown.hidden = !problem;
  shown.textContent = problem ?? '';
  if (!signInDialog.open) {
    signInDialog.showModal();
  }
}

function wireSignIn() {
  const form = document.getElementById('sign-in-form');
  form.admin.addEventListener('change', async () => {
    const pick = form.pick;
    pick.replaceChildren();
    pick.disabled = true;
    if (!form.admin.value) return;
    const response = await fetch('/api/v1/organisations?limit=1000', { headers: { Authorization: `Bearer ${form.admin.value}` } });
    if (!response.ok) {
      askToSignIn((await response.json().catch(() => ({}))).detail ?? response.statusText);
      return;
    }
    const page = await response.json();
    pick.replaceChildren(...page.organisations.map((o) => el('option', { value: o.id }, `${o.name} (${o.id})`)));
    pick.disabled = false;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const admin = form.admin.value.trim();
    const org = admin ? (form.pick.value || form.org.value.trim()) : form.org.value.trim();
    state.signIn({ org, key: form.key.value.trim(), admin: admin || null });
    try {
      await get(`${base()}/summary`);
      form.reset();
      signInDialog.close();
      signedIn();
    } catch (error) {
      state.signOut();
      askToSignIn(error.detail || error.message);
    }
  });
  signInDialog.addEventListener('cancel', (event) => event.preventDefault());
  document.getElementById('sign-out').addEventListener('click', () => signOut());
}

function wireLanguage() {
  const select = document.getElementById('language');
  select.value = state.language();
  select.addEventListener('change', () => {
    state.setLanguage(select.value);
    translatePage();
    syncControls();
    if (state.credentials()) show({ quietly: true });
  });
}

async function boot() {
  state.takeDeepLink();
  translatePage();
  wireLanguage();
  wireFilters();
  wireSignIn();
  window.addEventListener('popstate', () => {
    current = state.fromQuery();
    syncControls();
    show();
  });
  setInterval(renderStatus, 1000);
  // a page being left lets go of its stream at once, so that the next page has all connections it needs
  window.addEventListener('pagehide', () => stream?.stop());
  await loadCatalogue().catch(() => null);
  if (!state.credentials()) {
    askToSignIn();
    return;
  }
  // no request of its own to check the key: the view's first answer does, and a refusal signs out with its detail
  signedIn();
}

boot();
