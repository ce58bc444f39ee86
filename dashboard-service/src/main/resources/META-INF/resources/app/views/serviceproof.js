// ServiceProof: a bar per aspect with its 95 % interval and n, grouped by construct; SER, V, ICE; the overall score
// large and signed; the answers 1..5 per aspect.

import { get } from '../api.js';
import { scoreBars, distribution } from '../charts.js';
import { t, itemName, statement } from '../i18n.js';
import { card, change, chartCard, el, figure, number, table } from '../ui.js';

const CONSTRUCTS = { SER: ['SENSING', 'EMPATHY', 'RESONANCE'], V: ['VALUE'], ICE: ['INDIVIDUALIZE', 'COMMITMENT', 'ENGAGEMENT'] };

export async function render(ctx) {
  const sp = await get(`${ctx.base}/serviceproof`, ctx.params());
  const min = sp.minimumSample;
  const changes = sp.comparison?.changes ?? {};
  const items = Object.entries(CONSTRUCTS).flatMap(([construct, aspects]) => aspects.map((aspect) => {
    const score = sp.aspects[aspect];
    return { id: aspect, label: `${construct} · ${itemName(aspect)}`, mean: score.mean, low: score.ci95?.low ?? null,
      high: score.ci95?.high ?? null, n: score.n, distribution: score.distribution };
  }));

  const headline = card(t('overall'), [
    el('div', { class: 'big' }, figure('serviceproof-overall', sp.overall, number(sp.overall, 2, { signed: true }), min)),
    el('p', { class: 'detail' }, `${t('responses')}: ${sp.responses}`),
    change(changes.overall, 2, 'serviceproof-overall'),
  ]);
  const constructs = card(t('constructs'), el('div', { class: 'grid' }, Object.keys(CONSTRUCTS).map((construct) =>
    el('div', { class: 'tile' },
      el('div', { class: 'label' }, construct),
      figure(`construct-${construct}`, sp.constructs[construct], number(sp.constructs[construct], 2, { signed: true }), min),
      change(changes[construct], 2, `construct-${construct}`)))));

  const barsChart = el('div', { class: 'chart', role: 'img', 'aria-label': t('aspects') });
  const aspectTable = table(t('aspects'), [t('aspects'), t('mean'), `${t('ci95')} −`, `${t('ci95')} +`, t('n')],
    items.map((i) => [i.label, i.mean, i.low, i.high, i.n]), 'serviceproof-aspects');
  const aspectFigures = el('ul', { class: 'visually-hidden' }, items.map((i) =>
    el('li', {}, `${i.label}: `, figure(`aspect-${i.id}-mean`, sp.aspects[i.id].mean, number(sp.aspects[i.id].mean, 2, { signed: true }), min))));
  const statements = el('details', { class: 'card statements' }, el('summary', {}, t('statements')),
    el('dl', {}, items.flatMap((i) => [el('dt', {}, i.label), el('dd', {}, statement('SERVICEPROOF', i.id)),
      el('dd', {}, change(changes[i.id], 2, `aspect-${i.id}-mean`))])));

  const distributionChart = el('div', { class: 'chart short', role: 'img', 'aria-label': t('distribution') });
  const distributionTable = table(t('distribution'), [t('aspects'), '1', '2', '3', '4', '5'],
    items.map((i) => [i.label, ...['1', '2', '3', '4', '5'].map((a) => i.distribution[a])]), 'serviceproof-distribution');

  const parts = [
    el('div', { class: 'columns' }, headline, constructs),
    chartCard(t('aspects'), barsChart, aspectTable),
    aspectFigures,
    statements,
    chartCard(t('distribution'), distributionChart, distributionTable),
  ];
  if (!sp.sufficient) {
    parts.unshift(el('p', { class: 'note' }, t('withheldNote', min)));
  }
  return {
    parts,
    draw() {
      scoreBars(barsChart, items, t('aspects'));
      distribution(distributionChart, items);
    },
  };
}
