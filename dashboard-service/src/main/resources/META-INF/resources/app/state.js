// The one place that holds what is shown (the view and the selection, in the URL's query, so that a view can be
// bookmarked and shared) and who is signed in (in sessionStorage, never in a URL).

export const VIEWS = ['overview', 'serviceproof', 'recovery', 'scan', 'trends', 'segments', 'alerts', 'webhooks'];
export const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'WEB', 'STORE', 'SOCIAL', 'OTHER'];
export const RANGES = ['last7', 'last30', 'last90', 'quarter', 'year', 'all', 'custom'];
export const ROLES = ['EMPLOYEE', 'MANAGER', 'EXECUTIVE'];

const SESSION = window.sessionStorage;

/** ISO date (YYYY-MM-DD) of a Date, in UTC: buckets are UTC days. */
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** The days a preset covers, ending today (UTC); null bounds for all time. */
export function rangeDays(range, today = new Date()) {
  const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const minus = (n) => new Date(day.getTime() - n * 86400000);
  switch (range) {
    case 'last7': return { from: isoDate(minus(6)), to: isoDate(day) };
    case 'last30': return { from: isoDate(minus(29)), to: isoDate(day) };
    case 'last90': return { from: isoDate(minus(89)), to: isoDate(day) };
    case 'quarter': {
      const start = new Date(Date.UTC(day.getUTCFullYear(), Math.floor(day.getUTCMonth() / 3) * 3, 1));
      return { from: isoDate(start), to: isoDate(day) };
    }
    case 'year': return { from: `${day.getUTCFullYear()}-01-01`, to: isoDate(day) };
    default: return { from: null, to: null };
  }
}

/** The state the URL's query describes, with defaults. */
export function fromQuery(search = window.location.search) {
  const query = new URLSearchParams(search);
  const view = VIEWS.includes(query.get('view')) ? query.get('view') : 'overview';
  const channels = query.getAll('channel').flatMap((c) => c.split(',')).map((c) => c.trim().toUpperCase())
    .filter((c) => CHANNELS.includes(c));
  let range = RANGES.includes(query.get('range')) ? query.get('range') : null;
  let from = query.get('from');
  let to = query.get('to');
  if (!range) {
    range = from || to ? 'custom' : 'last90';
  }
  if (range !== 'custom') {
    ({ from, to } = rangeDays(range));
  }
  return {
    view,
    range,
    from: from || null,
    to: to || null,
    channels,
    touchpoint: query.get('touchpoint') || null,
    compare: ['previous', 'true', '1'].includes(query.get('compare')),
    metric: query.get('metric') || null,
    instrument: query.get('instrument') || null,
    granularity: query.get('granularity') || null,
    kind: query.get('kind') || null,
    status: query.get('status') || null,
    role: ROLES.includes(query.get('role')) ? query.get('role') : null,
    unit: query.get('unit') || null,
  };
}

/** The URL query of a state; a preset is kept by name, so a shared "last 30 days" stays the last 30 days. */
export function toQuery(state) {
  const query = new URLSearchParams();
  query.set('view', state.view);
  if (state.range && state.range !== 'custom') {
    query.set('range', state.range);
  } else {
    if (state.from) query.set('from', state.from);
    if (state.to) query.set('to', state.to);
  }
  state.channels.forEach((c) => query.append('channel', c));
  if (state.touchpoint) query.set('touchpoint', state.touchpoint);
  if (state.compare) query.set('compare', 'previous');
  for (const name of ['metric', 'instrument', 'granularity', 'kind', 'status', 'role', 'unit']) {
    if (state[name]) query.set(name, state[name]);
  }
  return `?${query.toString()}`;
}

/** The selection parameters every score endpoint takes. */
export function selectionParams(state, { compare = state.compare } = {}) {
  const params = [];
  if (state.from) params.push(['from', state.from]);
  if (state.to) params.push(['to', state.to]);
  state.channels.forEach((c) => params.push(['channel', c]));
  if (state.touchpoint) params.push(['touchpoint', state.touchpoint]);
  if (compare && state.from && state.to) params.push(['compare', 'previous']);
  return params;
}

/**
 * The selection parameters of the Service Excellence Scan: its period, the respondents' role and unit. It is answered
 * by the organisation's own people, not through a channel or at a touchpoint, and has no comparison.
 */
export function scanParams(state) {
  const params = [];
  if (state.from) params.push(['from', state.from]);
  if (state.to) params.push(['to', state.to]);
  if (state.role) params.push(['role', state.role]);
  if (state.unit) params.push(['unit', state.unit]);
  return params;
}

/**
 * Signs in from a deep link (#org=…&key=… or #org=…&admin=…) and takes it out of the address bar at once, so the
 * key is neither kept in the history nor sent anywhere. Answers whether the link held credentials.
 */
export function takeDeepLink() {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) {
    return false;
  }
  const params = new URLSearchParams(hash);
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  if (params.get('org') && (params.get('key') || params.get('admin'))) {
    signIn({ org: params.get('org'), key: params.get('key'), admin: params.get('admin') });
    return true;
  }
  return false;
}

export function signIn({ org, key, admin }) {
  SESSION.setItem('voc.org', org);
  if (admin) {
    SESSION.setItem('voc.admin', admin);
    SESSION.removeItem('voc.key');
  } else {
    SESSION.setItem('voc.key', key);
    SESSION.removeItem('voc.admin');
  }
}

export function signOut() {
  ['voc.org', 'voc.key', 'voc.admin'].forEach((k) => SESSION.removeItem(k));
}

/** The signed-in organisation and the headers that prove it, or null. */
export function credentials() {
  const org = SESSION.getItem('voc.org');
  const key = SESSION.getItem('voc.key');
  const admin = SESSION.getItem('voc.admin');
  if (!org || (!key && !admin)) {
    return null;
  }
  return { org, admin: Boolean(admin), headers: admin ? { Authorization: `Bearer ${admin}` } : { 'X-Api-Key': key } };
}

export function language() {
  const stored = window.localStorage.getItem('voc.lang');
  if (stored === 'en' || stored === 'nl') {
    return stored;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function setLanguage(lang) {
  window.localStorage.setItem('voc.lang', lang);
}
