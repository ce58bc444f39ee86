// Trends: any metric of SPEC §8 per day, week or month, with the responses of each period; periods below the
// minimum sample are gaps in the line, not zeros. The scan's metrics are scores in %.

import { get } from '../api.js';
import { trendLine } from '../charts.js';
import { t, groupTitle, itemName } from '../i18n.js';
import { scanParams } from '../state.js';
import { BLOCKS } from './scan.js';
import { chartCard, el, table } from '../ui.js';

export const METRICS = {
  SERVICEPROOF: ['overall', 'SER', 'V', 'ICE', 'SENSING', 'EMPATHY', 'RESONANCE', 'VALUE', 'INDIVIDUALIZE', 'COMMITMENT',
    'ENGAGEMENT', 'nps', 'ces', 'csat'],
  SERVICE_RECOVERY: ['nri', 'rii', 'RECEPTIVENESS', 'RESPONSIVENESS', 'RESONANCE', 'RESOLUTION', 'RELIANCE', 'LEARNING',
    'nps', 'ces', 'csat'],
  SERVICE_EXCELLENCE_SCAN: ['overall', 'results', ...BLOCKS],
};

function metricLabel(metric, instrument) {
  if (instrument === 'SERVICE_EXCELLENCE_SCAN') {
    return `${BLOCKS.includes(metric) ? groupTitle(instrument, metric) : t(metric)} (%)`;
  }
  return /^[A-Z]{4,}$/.test(metric) ? itemName(metric) : (t(metric) === metric ? metric : t(metric));
}

export async function render(ctx) {
  const instrument = METRICS[ctx.state.instrument] ? ctx.state.instrument : 'SERVICEPROOF';
  const metric = METRICS[instrument].includes(ctx.state.metric) ? ctx.state.metric : METRICS[instrument][0];
  const granularity = ['day', 'week', 'month'].includes(ctx.state.granularity) ? ctx.state.granularity : 'week';
  const scan = instrument === 'SERVICE_EXCELLENCE_SCAN';
  // the scan has no channel or touchpoint: its trend is of the period only
  const selection = scan ? scanParams({ ...ctx.state, role: null, unit: null }) : ctx.params({ compare: false });
  const trend = await get(`${ctx.base}/trends`, [['instrument', instrument], ['metric', metric],
    ['granularity', granularity], ...selection]);

  const choose = (name, options, value, label) => el('label', {}, `${label} `,
    el('select', { name, onchange: (e) => ctx.update({ [name]: e.target.value, ...(name === 'instrument' ? { metric: null } : {}) }) },
      options.map(([v, text]) => el('option', { value: v, selected: v === value }, text))));
  const controls = el('div', { class: 'filters' },
    choose('instrument', [['SERVICEPROOF', t('serviceproof')], ['SERVICE_RECOVERY', t('recovery')],
      ['SERVICE_EXCELLENCE_SCAN', t('scan')]], instrument, t('instrument')),
    choose('metric', METRICS[instrument].map((m) => [m, metricLabel(m, instrument)]), metric, t('metric')),
    choose('granularity', ['day', 'week', 'month'].map((g) => [g, t(g)]), granularity, t('granularity')));

  const chart = el('div', { class: 'chart', role: 'img', 'aria-label': `${metricLabel(metric, instrument)} ${t('trends')}` });
  const rows = trend.points.map((p) => [p.period, p.value, p.responses]);
  const points = table(`${metricLabel(metric, instrument)} · ${t(granularity)}`, [t('period_'), t('value'), t('responses')], rows,
    `trend-${instrument.toLowerCase()}-${metric}-${granularity}`, { digits: [null, scan ? 1 : null, 0] });
  return {
    parts: [controls, chartCard(`${metricLabel(metric, instrument)} · ${t(granularity)}`, chart, points),
      trend.points.some((p) => p.value === null) ? el('p', { class: 'note' }, t('withheldNote', trend.minimumSample)) : null],
    draw() {
      trendLine(chart, trend.points, metricLabel(metric, instrument), scan ? { axisName: '%' } : {});
    },
  };
}
