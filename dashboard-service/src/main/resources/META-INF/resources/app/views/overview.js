// Overview: the headline numbers of every instrument, each with its n and, when comparing, its change; the scan's
// overall score and band link to its view.

import { get } from '../api.js';
import { t, outcome } from '../i18n.js';
import { scanParams, toQuery } from '../state.js';
import { band, card, change, el, figure, number } from '../ui.js';

function tile(title, testid, value, text, n, minimum, delta, digits = 2, extra = null) {
  return el('article', { class: 'card tile' },
    el('div', { class: 'label' }, title),
    figure(testid, value, text, minimum),
    extra,
    el('div', { class: 'detail' }, `${t('n')} ${n}`),
    change(delta, digits, testid));
}

/**
 * The scan's headline: its overall score and band for the whole organisation in the period (it has no channel or
 * touchpoint), with the way to its view.
 */
function scanTile(ctx, scan, minimum) {
  return el('article', { class: 'card tile' },
    el('div', { class: 'label' }, t('scanOverall')),
    figure('scan-overall', scan.overall, `${number(Math.floor(scan.overall * 10) / 10, 1)} %`, minimum),
    el('div', { class: 'detail' }, band('scan-band', scan.band, minimum, { withheld: '' })),
    el('div', { class: 'detail' }, `${t('n')} ${scan.responses}`),
    el('a', {
      href: toQuery({ ...ctx.state, view: 'scan' }),
      onclick: (event) => {
        event.preventDefault();
        ctx.update({ view: 'scan' });
        document.getElementById('view').focus();
      },
    }, t('openScan')));
}

export async function render(ctx) {
  const [sp, rec, summary] = await Promise.all([
    get(`${ctx.base}/serviceproof`, ctx.params()),
    get(`${ctx.base}/recovery`, ctx.params()),
    get(`${ctx.base}/summary`, scanParams({ ...ctx.state, role: null, unit: null })),
  ]);
  const scan = summary.scan ?? null;
  const min = sp.minimumSample;
  const spChanges = sp.comparison?.changes ?? {};
  const recChanges = rec.comparison?.changes ?? {};
  const indicator = rec.relationship.indicator;
  const indicatorShown = indicator === 'INSUFFICIENT_DATA'
    ? el('span', { 'data-testid': 'recovery-indicator', 'data-value': '', class: 'value withheld' }, t('fewer', min))
    : el('span', { 'data-testid': 'recovery-indicator', 'data-value': indicator, class: `value outcome ${indicator}` }, outcome(indicator));

  const tiles = el('div', { class: 'grid' },
    el('article', { class: 'card tile' },
      el('div', { class: 'label' }, t('responses')),
      figure('responses', sp.responses + rec.responses, number(sp.responses + rec.responses, 0), min),
      el('div', { class: 'detail' }, `${t('serviceproof')} ${sp.responses} · ${t('recovery')} ${rec.responses}`)),
    tile(t('serviceproofOverall'), 'serviceproof-overall', sp.overall, number(sp.overall, 2, { signed: true }),
      sp.responses, min, spChanges.overall),
    el('article', { class: 'card tile' },
      el('div', { class: 'label' }, t('relationshipImpact')),
      indicatorShown,
      el('div', { class: 'detail' },
        `${t('nri')} `, figure('recovery-nri', rec.relationship.nri, number(rec.relationship.nri, 1, { signed: true }), min, { inline: true }),
        ' · ', `${t('rii')} `, figure('recovery-rii', rec.relationship.rii, number(rec.relationship.rii, 2, { signed: true }), min, { inline: true })),
      el('div', { class: 'detail' }, `${t('n')} ${rec.relationship.n}`),
      change(recChanges.rii, 2, 'recovery-rii')),
    scan ? scanTile(ctx, scan, min) : null,
    tile(t('nps'), 'nps', sp.nps.nps, number(sp.nps.nps, 1, { signed: true }), sp.nps.n, min, spChanges.nps, 1,
      sp.nps.moe95 === null ? null : el('div', { class: 'detail' }, `± ${number(sp.nps.moe95, 1)}`)),
    tile(t('ces'), 'ces', sp.ces.mean, number(sp.ces.mean, 2), sp.ces.n, min, spChanges.ces),
    tile(t('csat'), 'csat', sp.csat.csat, `${number(sp.csat.csat, 1)} %`, sp.csat.n, min, spChanges.csat, 1));

  const parts = [tiles];
  if (!sp.sufficient || !rec.sufficient || (scan && scan.responses > 0 && !scan.sufficient)) {
    parts.push(el('p', { class: 'note' }, t('withheldNote', min)));
  }
  if (ctx.state.compare && sp.comparison) {
    parts.push(card(t('vsPrevious'), el('p', { class: 'note' },
      `${sp.comparison.previous.from} … ${sp.comparison.previous.to}: ${t('serviceproof')} ${sp.comparison.responses}, `
      + `${t('recovery')} ${rec.comparison.responses} ${t('responses').toLowerCase()}`)));
  }
  return { parts };
}
