// The charts of the dashboard, drawn by Apache ECharts (served by this service, no CDN) with ECharts' aria
// description on; every chart also has a data table beside it (ui.chartCard).

import * as echarts from '/_static/echarts/6.0.0/dist/echarts.esm.min.js';
import { t, outcome } from './i18n.js';
import { number } from './ui.js';

const COLOURS = {
  positive: '#1f7a6d', negative: '#b3541e', ink: '#1d2733', muted: '#5b6675', line: '#d5dbe3',
  STRENGTHENED: '#2e7d32', FLATTENED: '#6b7a89', WEAKENED: '#d17a00', BROKEN: '#b3261e',
  answers: ['#b3261e', '#e08a5a', '#c8ccd2', '#73b3a8', '#1f7a6d'],
  // the scan's bands, from beginning to excellence (as in app.css)
  bands: ['#b3261e', '#d17a00', '#c9a227', '#73b3a8', '#1f7a6d'],
};
export const OUTCOMES = ['STRENGTHENED', 'FLATTENED', 'WEAKENED', 'BROKEN'];
/** The scan's bands in order and the scores (%) where each one starts (SPEC §2.4). */
export const BANDS = ['BEGINNING', 'STARTED_TO_WORK', 'WELL_ON_THE_WAY', 'APPLAUSE', 'EXCELLENCE'];
export const BAND_EDGES = [0, 20, 30, 40, 50, 100];

const live = new Set();
const observer = new ResizeObserver((entries) => entries.forEach((e) => echarts.getInstanceByDom(e.target)?.resize()));

/** Draws an option into an element (made once per element), with the accessible description on. */
export function draw(element, option) {
  let chart = echarts.getInstanceByDom(element);
  if (!chart) {
    chart = echarts.init(element, null, { renderer: 'canvas' });
    live.add(element);
    observer.observe(element);
  }
  chart.setOption({ aria: { enabled: true }, animationDuration: 300, ...option }, true);
  return chart;
}

/** Lets go of every chart of a view that is no longer shown. */
export function disposeAll() {
  live.forEach((element) => {
    observer.unobserve(element);
    echarts.getInstanceByDom(element)?.dispose();
  });
  live.clear();
}

/** Draws the charts on paper as on screen: they are sized for print before the browser lays the page out. */
window.addEventListener('beforeprint', () => live.forEach((e) => echarts.getInstanceByDom(e)?.resize()));

/**
 * One horizontal bar per item on the −2..+2 score axis with a zero line, its 95 % interval as a whisker and its n;
 * items arrive in display order, the first at the top.
 */
export function scoreBars(element, items, title) {
  const names = items.map((i) => i.label);
  const whiskers = items.map((i, index) => (i.low === null || i.low === undefined ? null : [index, i.low, i.high]));
  return draw(element, {
    aria: { enabled: true, label: { description: `${title}: ${items.map((i) => `${i.label} ${format(i.mean)} (n ${i.n})`).join('; ')}` } },
    grid: { left: 8, right: 16, top: 8, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item' },
    xAxis: { type: 'value', min: -2, max: 2, interval: 1, splitLine: { lineStyle: { color: COLOURS.line } } },
    // the names on the left, each item's mean and n on the right: two plain axes whose labels the grid makes room for
    yAxis: [
      { type: 'category', data: names, inverse: true, axisTick: { show: false }, axisLabel: { color: COLOURS.ink } },
      {
        type: 'category', data: names, inverse: true, position: 'right', axisTick: { show: false }, axisLine: { show: false },
        axisLabel: {
          formatter: (value, index) => `{mean|${format(items[index].mean, true)}}  {n|n ${items[index].n}}`,
          rich: { mean: { fontWeight: 'bold', color: COLOURS.ink }, n: { color: COLOURS.muted } },
        },
      },
    ],
    series: [
      {
        type: 'bar',
        data: items.map((i) => ({
          value: i.mean,
          itemStyle: { color: i.mean !== null && i.mean < 0 ? COLOURS.negative : COLOURS.positive },
        })),
        barMaxWidth: 18,
        markLine: { silent: true, symbol: 'none', data: [{ xAxis: 0 }], lineStyle: { color: COLOURS.ink, width: 1.5, type: 'solid' }, label: { show: false } },
      },
      {
        type: 'custom',
        name: t('ci95'),
        renderItem: (params, api) => {
          const low = api.coord([api.value(1), api.value(0)]);
          const high = api.coord([api.value(2), api.value(0)]);
          const half = api.size([0, 1])[1] * 0.18;
          const style = { stroke: COLOURS.ink, lineWidth: 1.2 };
          return {
            type: 'group',
            children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0], y1: low[1] - half, x2: low[0], y2: low[1] + half }, style },
              { type: 'line', shape: { x1: high[0], y1: high[1] - half, x2: high[0], y2: high[1] + half }, style },
            ],
          };
        },
        encode: { x: [1, 2], y: 0 },
        data: whiskers.filter(Boolean),
        z: 3,
      },
    ],
  });
}

/** Answers 1..5 per item as stacked shares, so a spread shows as well as a mean. */
export function distribution(element, items) {
  return draw(element, {
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['1', '2', '3', '4', '5'] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value} %' } },
    yAxis: { type: 'category', inverse: true, data: items.map((i) => i.label) },
    series: ['1', '2', '3', '4', '5'].map((answer, index) => ({
      name: answer,
      type: 'bar',
      stack: 'answers',
      itemStyle: { color: COLOURS.answers[index] },
      data: items.map((i) => {
        const total = Object.values(i.distribution).reduce((a, b) => a + b, 0);
        return total ? Math.round((1000 * i.distribution[answer]) / total) / 10 : 0;
      }),
    })),
  });
}

/**
 * The relationship-impact gauge: a half circle from −2 (left) to +1 (right) with the four outcome zones at the
 * indicator's thresholds (−1.5, −0.5, +0.5); the needle points to the RII, so it points up and right when the
 * impact is positive. Answers the needle's angle in degrees (180 = left, 90 = up, 0 = right).
 */
export function gauge(element, rii) {
  const min = -2;
  const max = 1;
  const zone = (value) => (value - min) / (max - min);
  draw(element, {
    series: [{
      type: 'gauge',
      startAngle: 180,
      endAngle: 0,
      min,
      max,
      splitNumber: 6,
      radius: '80%',
      center: ['50%', '70%'],
      axisLine: {
        lineStyle: {
          width: 24,
          color: [[zone(-1.5), COLOURS.BROKEN], [zone(-0.5), COLOURS.WEAKENED], [zone(0.5), COLOURS.FLATTENED], [1, COLOURS.STRENGTHENED]],
        },
      },
      pointer: { show: rii !== null, length: '70%', width: 6, itemStyle: { color: COLOURS.ink } },
      axisTick: { show: false },
      splitLine: { length: 10, lineStyle: { color: '#fff', width: 2 } },
      axisLabel: { distance: -52, color: COLOURS.muted, formatter: (v) => format(v, true, 1) },
      detail: { valueAnimation: false, offsetCenter: [0, '28%'], fontSize: 22, fontWeight: 'bold',
        formatter: (v) => (rii === null ? '–' : `RII ${format(v, true)}`) },
      title: { show: false },
      data: [{ value: rii ?? min, name: t('relationshipImpact') }],
    }],
  });
  return rii === null ? null : 180 - 180 * zone(Math.max(min, Math.min(max, rii)));
}

/** The four outcomes' shares as one stacked bar, each labelled, not told by colour alone. */
export function outcomeBar(element, shares) {
  // each share is labelled with its name and percentage where that fits, its percentage where only that fits
  const usable = Math.max(0, (element.clientWidth || 600) - 24);
  const fits = (text, share) => share * usable >= text.length * 7 + 8;
  const label = (o) => {
    const share = shares[o] ?? 0;
    const percent = `${format(100 * share, false, 0)} %`;
    const named = `${outcome(o)} ${percent}`;
    return fits(named, share) ? named : fits(percent, share) ? percent : '';
  };
  return draw(element, {
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: OUTCOMES.map((o) => outcome(o)) },
    tooltip: { trigger: 'item', formatter: (p) => `${p.seriesName}: ${format(p.value, false, 1)} %` },
    xAxis: { type: 'value', max: 100, show: false },
    yAxis: { type: 'category', data: [''], show: false },
    series: OUTCOMES.map((o) => ({
      name: outcome(o),
      type: 'bar',
      stack: 'outcomes',
      barWidth: 34,
      itemStyle: { color: COLOURS[o] },
      label: { show: label(o) !== '', formatter: () => label(o), color: '#fff' },
      data: [shares[o] === null || shares[o] === undefined ? 0 : 100 * shares[o]],
    })),
  });
}

/**
 * The key-driver priority matrix: each driver at its mean (x) and importance r (y), with lines at the drivers'
 * average mean and importance; top left — important and poorly done — is where to act first.
 */
export function priorityMatrix(element, drivers) {
  const placed = drivers.filter((d) => d.mean !== null && d.importance !== null);
  const average = (values) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const x = average(placed.map((d) => d.mean));
  const y = average(placed.map((d) => d.importance));
  // the drivers' own spread, with room around it, in whole steps inside the scales' limits: every tick is a step
  const spread = (values, low, high, pad, step) => ({
    min: Math.max(low, Math.floor((Math.min(...values, 0) - pad) / step) * step),
    max: Math.min(high, Math.ceil((Math.max(...values) + pad) / step) * step),
  });
  const xs = spread(placed.map((d) => d.mean).concat([x]), -2, 2, 0.3, 0.5);
  const ys = spread(placed.map((d) => d.importance).concat([y]), -1, 1, 0.15, 0.25);
  const bounds = { xMin: xs.min, xMax: xs.max, yMin: ys.min, yMax: ys.max };
  return draw(element, {
    grid: { left: 8, right: 24, top: 24, bottom: 28, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => `${p.data.name}: ${t('mean')} ${format(p.data.value[0], true)}, r ${format(p.data.value[1])}` },
    xAxis: { type: 'value', name: t('mean'), nameLocation: 'middle', nameGap: 24, min: bounds.xMin, max: bounds.xMax, interval: 0.5 },
    yAxis: { type: 'value', name: t('importance'), min: bounds.yMin, max: bounds.yMax, interval: 0.25 },
    series: [{
      type: 'scatter',
      symbolSize: 14,
      itemStyle: { color: COLOURS.positive },
      label: { show: true, position: 'right', formatter: (p) => p.data.name, color: COLOURS.ink },
      labelLayout: { moveOverlap: 'shiftY' },
      data: placed.map((d) => ({ name: d.label, value: [d.mean, d.importance] })),
      markLine: {
        silent: true, symbol: 'none', lineStyle: { color: COLOURS.muted, type: 'dashed' }, label: { show: false },
        data: [{ xAxis: x }, { yAxis: y }],
      },
      markArea: {
        silent: true,
        itemStyle: { color: 'rgba(179, 38, 30, 0.06)' },
        label: { color: COLOURS.BROKEN, fontWeight: 'bold', position: 'insideTopLeft' },
        data: [[{ name: t('fixFirst'), coord: [bounds.xMin, y] }, { coord: [x, bounds.yMax] }]],
      },
    }],
  });
}

const measure = document.createElement('canvas').getContext('2d');

/** The lines a label takes when ECharts breaks it into a width (its default 12 px font; long words break too). */
function lineCount(text, width) {
  measure.font = '12px sans-serif';
  const space = measure.measureText(' ').width;
  let lines = 1;
  let line = 0;
  for (const word of text.split(/\s+/)) {
    const length = measure.measureText(word).width;
    if (line > 0 && line + space + length > width) {
      lines += 1;
      line = length;
    } else {
      line += (line > 0 ? space : 0) + length;
    }
    while (line > width) {
      lines += 1;
      line -= width;
    }
  }
  return lines;
}

/**
 * One horizontal bar per group on the 0–100 % axis of the scan, over the five bands tinted behind them with their
 * edges (20, 30, 40, 50) marked, each bar's score and n on the right; a reference (the sector's mean) as a solid line
 * where there is one. Items ({label, score, n, band}) arrive in display order, the first at the top; a null score has
 * no bar and shows "–". The chart grows with the lines its wrapped names need; on a narrow screen each name stands
 * above its bar, so that the bars keep the width.
 */
export function percentBars(element, items, title, { reference = null, referenceLabel = '' } = {}) {
  const width = element.clientWidth || 600;
  const compact = width < 560;
  const labelWidth = compact ? width - 130 : Math.round(Math.min(280, Math.max(100, width * 0.34)));
  // names wrap inside their width; every row of a category axis is as tall as the one with the most lines needs.
  // Narrow, a name stands in the gap above its bar and the first one above the first row: the grid starts lower.
  const lines = items.map((i) => lineCount(i.label, compact ? labelWidth - 6 : labelWidth));
  const most = Math.max(...lines);
  const row = compact ? most * 15 + 22 : Math.max(30, most * 15 + 12);
  const spill = compact ? Math.max(0, lines[0] * 15 + 12 - row / 2) : 0;
  const top = (reference === null ? 8 : 28) + spill;
  element.style.height = `${items.length * row + top + 28}px`;
  // cut, not rounded: a score just below a band edge must not read as the edge
  const percent = (value) => (value === null || value === undefined ? '–' : `${number(Math.floor(value * 10) / 10, 1)} %`);
  const names = items.map((i) => i.label);
  const zones = BANDS.map((code, index) => [
    { xAxis: BAND_EDGES[index], itemStyle: { color: COLOURS.bands[index], opacity: 0.12 } },
    { xAxis: BAND_EDGES[index + 1] },
  ]);
  const edges = BAND_EDGES.slice(1, -1).map((edge) => ({ xAxis: edge }));
  const marks = reference === null ? edges : [...edges, {
    xAxis: reference,
    lineStyle: { color: COLOURS.ink, width: 2, type: 'solid' },
    // the category axis runs downwards: the line's start is at the top of the chart
    label: { show: true, position: 'start', distance: 5 + spill, color: COLOURS.ink,
      formatter: () => `${referenceLabel} ${percent(reference)}` },
  }];
  return draw(element, {
    aria: { enabled: true, label: { description: `${title}: ${items.map((i) => `${i.label} ${percent(i.score)}${i.band ? ` (${t(i.band)})` : ''}, n ${i.n}`).join('; ')}`
      + (reference === null ? '' : `; ${referenceLabel} ${percent(reference)}`) } },
    grid: { left: 8, right: 16, top, bottom: 28, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = items[p.dataIndex];
        return `${echarts.format.encodeHTML(item.label)}<br><b>${percent(item.score)}</b>`
          + `${item.band ? ` · ${echarts.format.encodeHTML(t(item.band))}` : ''} · n ${item.n}`;
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, interval: compact ? 20 : 10,
      axisLabel: { formatter: '{value} %', alignMinLabel: 'left', alignMaxLabel: 'right' },
      splitLine: { show: !compact, lineStyle: { color: COLOURS.line, opacity: 0.6 } } },
    yAxis: [
      { type: 'category', data: names, inverse: true, axisTick: { show: false },
        axisLabel: { show: !compact, color: COLOURS.ink, width: labelWidth, overflow: 'break', lineHeight: 15 } },
      {
        type: 'category', data: names, inverse: true, position: 'right', axisTick: { show: false }, axisLine: { show: false },
        axisLabel: {
          formatter: (value, index) => `{score|${percent(items[index].score)}}  {n|n ${items[index].n}}`,
          rich: { score: { fontWeight: 'bold', color: COLOURS.ink }, n: { color: COLOURS.muted } },
        },
      },
    ],
    series: [{
      type: 'bar',
      data: items.map((i) => i.score),
      barMaxWidth: compact ? 10 : 16,
      itemStyle: { color: COLOURS.positive },
      markArea: { silent: true, data: zones },
      markLine: { silent: true, symbol: 'none', data: marks, label: { show: false },
        lineStyle: { color: COLOURS.muted, width: 1, type: 'dashed' } },
    }, compact ? {
      // narrow: each name stands above its bar, as the label of an invisible bar across the whole axis
      type: 'bar',
      silent: true,
      tooltip: { show: false },
      barGap: '-100%',
      barMaxWidth: 10,
      z: 10,
      itemStyle: { color: 'transparent' },
      data: items.map(() => 100),
      label: {
        show: true, position: [0, -3], align: 'left', verticalAlign: 'bottom', formatter: (p) => items[p.dataIndex].label,
        color: COLOURS.ink, backgroundColor: '#fff', padding: [1, 3], width: labelWidth,
        overflow: 'break', lineHeight: 15,
      },
    } : null].filter(Boolean),
  });
}

/**
 * A metric over time: the line has gaps where a period is below the minimum sample; bars count its responses. The
 * value axis is named by the metric, or by a shorter name (its unit) where the metric's name is long.
 */
export function trendLine(element, points, metricLabel, { axisName = metricLabel } = {}) {
  return draw(element, {
    grid: { left: 8, right: 8, top: 36, bottom: 28, containLabel: true },
    legend: { top: 0, data: [metricLabel, t('responses')] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: [{ type: 'value', name: axisName, scale: true }, { type: 'value', name: t('responses'), splitLine: { show: false } }],
    series: [
      { name: metricLabel, type: 'line', connectNulls: false, symbolSize: 6, itemStyle: { color: COLOURS.positive },
        data: points.map((p) => p.value) },
      { name: t('responses'), type: 'bar', yAxisIndex: 1, itemStyle: { color: COLOURS.line }, data: points.map((p) => p.responses) },
    ],
  });
}

/** A number for a chart label: signed where asked, two decimals unless told otherwise. */
function format(value, signed = false, digits = 2) {
  return number(value, digits, { signed });
}
