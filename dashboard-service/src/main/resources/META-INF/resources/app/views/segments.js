// Segments: the headline numbers per channel, side by side.

import { get } from '../api.js';
import { draw } from '../charts.js';
import { CHANNELS } from '../state.js';
import { t, outcome } from '../i18n.js';
import { card, chartCard, csvButton, el, table } from '../ui.js';

export async function render(ctx) {
  const channels = ctx.state.channels.length ? ctx.state.channels : CHANNELS;
  const summaries = await Promise.all(channels.map((channel) => get(`${ctx.base}/summary`,
    [...ctx.params({ compare: false }).filter(([name]) => name !== 'channel'), ['channel', channel]])));
  const rows = channels.map((channel, i) => {
    const sp = summaries[i].serviceproof;
    const rec = summaries[i].recovery;
    return [channel, sp.responses, sp.overall, sp.nps, sp.ces, sp.csat, rec.responses,
      rec.indicator === 'INSUFFICIENT_DATA' ? null : outcome(rec.indicator), rec.nri, rec.rii];
  });
  const headings = [t('channel'), `${t('serviceproof')} ${t('n')}`, t('overall'), t('nps'), t('ces'), t('csat'),
    `${t('recovery')} ${t('n')}`, t('indicator'), t('nri'), t('rii')];
  const numbers = table(t('segments'), headings, rows, 'segments-by-channel');
  const chart = el('div', { class: 'chart', role: 'img', 'aria-label': `${t('overall')} / ${t('channel')}` });
  const chartTable = table(t('segments'), headings, rows, 'segments-by-channel');
  return {
    parts: [card(t('segments'), numbers, { tools: [csvButton(numbers)] }),
      chartCard(`${t('serviceproofOverall')} · ${t('rii')}`, chart, chartTable)],
    draw() {
      draw(chart, {
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, data: [t('serviceproofOverall'), t('rii')] },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', min: -2, max: 2 },
        yAxis: { type: 'category', inverse: true, data: channels },
        series: [
          { name: t('serviceproofOverall'), type: 'bar', data: rows.map((r) => r[2]), itemStyle: { color: '#1f7a6d' } },
          { name: t('rii'), type: 'bar', data: rows.map((r) => r[9]), itemStyle: { color: '#6b7a89' } },
        ],
      });
    },
  };
}
