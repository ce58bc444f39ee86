// Service Recovery: the relationship-impact gauge (needle up and right when the impact is positive), NRI and RII,
// the outcomes' shares, the drivers with their intervals, and the key-driver priority matrix beside the ranking.

import { get } from '../api.js';
import { gauge, outcomeBar, priorityMatrix, scoreBars, OUTCOMES } from '../charts.js';
import { t, itemName, outcome, statement } from '../i18n.js';
import { card, change, chartCard, csvButton, el, figure, number, table } from '../ui.js';

const DRIVERS = ['RECEPTIVENESS', 'RESPONSIVENESS', 'RESONANCE', 'RESOLUTION', 'RELIANCE', 'LEARNING'];

export async function render(ctx) {
  const rec = await get(`${ctx.base}/recovery`, ctx.params());
  const min = rec.minimumSample;
  const changes = rec.comparison?.changes ?? {};
  const relationship = rec.relationship;
  const drivers = DRIVERS.map((id) => {
    const d = rec.drivers[id];
    return { id, label: itemName(id), mean: d.mean, low: d.ci95?.low ?? null, high: d.ci95?.high ?? null, n: d.n,
      importance: d.importance, priority: d.priority };
  });

  const gaugeChart = el('div', { class: 'chart gauge', role: 'img', 'data-testid': 'gauge', 'aria-label': t('relationshipImpact') });
  const indicator = relationship.indicator === 'INSUFFICIENT_DATA'
    ? el('span', { 'data-testid': 'recovery-indicator', 'data-value': '', class: 'withheld' }, t('fewer', min))
    : el('span', { 'data-testid': 'recovery-indicator', 'data-value': relationship.indicator,
      class: `outcome ${relationship.indicator}` }, outcome(relationship.indicator));
  const impact = card(t('relationshipImpact'), [
    gaugeChart,
    el('p', {}, `${t('indicator')}: `, indicator),
    el('p', {}, `${t('nri')} `, figure('recovery-nri', relationship.nri, number(relationship.nri, 1, { signed: true }), min, { inline: true }),
      ' ', change(changes.nri, 1, 'recovery-nri')),
    el('p', {}, `${t('rii')} `, figure('recovery-rii', relationship.rii, number(relationship.rii, 2, { signed: true }), min, { inline: true }),
      relationship.ci95 ? ` (${t('ci95')} ${number(relationship.ci95.low, 2, { signed: true })} … ${number(relationship.ci95.high, 2, { signed: true })})` : '',
      ' ', change(changes.rii, 2, 'recovery-rii')),
    el('p', { class: 'detail' }, `${t('n')} ${relationship.n}`),
  ]);

  const outcomesChart = el('div', { class: 'chart short', role: 'img', 'aria-label': t('outcomes') });
  const outcomesTable = table(t('outcomes'), [t('outcomes'), t('n'), '%'],
    OUTCOMES.map((o) => [outcome(o), relationship.counts[o], relationship.shares[o] === null ? null : 100 * relationship.shares[o]]),
    'recovery-outcomes');

  const driversChart = el('div', { class: 'chart', role: 'img', 'aria-label': t('drivers') });
  const driversTable = table(t('drivers'), [t('drivers'), t('mean'), `${t('ci95')} −`, `${t('ci95')} +`, t('n'),
    t('importance'), t('priority')], drivers.map((d) => [d.label, d.mean, d.low, d.high, d.n, d.importance, d.priority]),
  'recovery-drivers');
  const driverFigures = el('ul', { class: 'visually-hidden' }, drivers.map((d) =>
    el('li', {}, `${d.label}: `, figure(`driver-${d.id}-mean`, d.mean, number(d.mean, 2, { signed: true }), min))));

  const matrixChart = el('div', { class: 'chart', role: 'img', 'aria-label': t('matrix') });
  const ranking = table(t('keyDrivers'), ['#', t('drivers'), t('priority'), t('importance'), t('mean')],
    rec.keyDrivers.map((id, index) => {
      const d = drivers.find((x) => x.id === id);
      return [index + 1, d.label, d.priority, d.importance, d.mean];
    }), 'recovery-key-drivers');

  const parts = [
    el('div', { class: 'columns' }, impact, chartCard(t('outcomes'), outcomesChart, outcomesTable)),
    chartCard(t('drivers'), driversChart, driversTable),
    driverFigures,
    el('details', { class: 'card statements' }, el('summary', {}, t('statements')), el('dl', {}, drivers.flatMap((d) => [
      el('dt', {}, d.label), el('dd', {}, statement('SERVICE_RECOVERY', d.id)), el('dd', {}, change(changes[d.id], 2, `driver-${d.id}-mean`))]))),
    el('div', { class: 'columns' },
      card(t('matrix'), [matrixChart, el('p', { class: 'note' }, `${t('fixFirst')}: ${t('importance')} ↑, ${t('mean')} ↓`)]),
      card(t('keyDrivers'), ranking, { tools: [csvButton(ranking)] })),
  ];
  if (!rec.sufficient) {
    parts.unshift(el('p', { class: 'note' }, t('withheldNote', min)));
  }
  return {
    parts,
    draw() {
      const angle = gauge(gaugeChart, relationship.rii);
      gaugeChart.dataset.needleAngle = angle === null ? '' : String(angle);
      gaugeChart.dataset.value = relationship.rii === null ? '' : String(relationship.rii);
      outcomeBar(outcomesChart, relationship.shares);
      scoreBars(driversChart, drivers, t('drivers'));
      priorityMatrix(matrixChart, drivers);
    },
  };
}
