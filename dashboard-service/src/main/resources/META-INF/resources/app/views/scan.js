// Service Excellence Scan (SPEC §2.4): the organisation's self-assessment by its own people. The overall score and its
// band; the nine building blocks and the four result areas on 0–100 % over the bands, beside the sector's mean; the
// sector benchmark; the statements people disagree on most; the breakdowns by role and by unit; each block's
// statements; and the method's reading questions beside the figures.

import { get } from '../api.js';
import { percentBars, BANDS, BAND_EDGES } from '../charts.js';
import { t, answerLabel, catalogueGroup, catalogueItem, groupTitle, readingQuestions, statement } from '../i18n.js';
import { ROLES, language, scanParams } from '../state.js';
import { band, bandName, card, chartCard, csvButton, el, figure, number, table } from '../ui.js';

const SCAN = 'SERVICE_EXCELLENCE_SCAN';
export const BLOCKS = ['DESIGN', 'STRATEGY', 'LEADERSHIP', 'PEOPLE', 'CULTURE', 'CUSTOMER_INSIGHT', 'INNOVATION',
  'PROCESSES', 'MONITORING'];
export const AREAS = ['SERVICE_PERFORMANCE', 'LOYAL_CUSTOMERS', 'ENGAGED_EMPLOYEES', 'REPUTATION_AND_FINANCE'];

/** Whether the API gave a number (it leaves out or nulls what is withheld). */
function given(value) {
  return value !== null && value !== undefined;
}

/** A score in %, cut (not rounded) to one decimal, so that 39.96 reads 39.9 % beside its band, not 40.0 %. */
function percent(value) {
  return given(value) ? `${number(Math.floor(value * 10) / 10, 1)} %` : '–';
}

/**
 * A group's score with its test hook. Below the minimum sample it says so; in a sufficient selection a group whose
 * statements were all left out (n/a) has no score: "–".
 */
function score(testid, value, minimum, sufficient) {
  if (!given(value) && sufficient) {
    return el('span', { 'data-testid': testid, 'data-value': '', class: 'figure withheld' }, '–');
  }
  return figure(testid, value, percent(value), minimum, { inline: true });
}

/** Puts a test hook on each body row of a table: data-testid, data-value and other attributes (null: none). */
function hookRows(tableElement, hooks) {
  [...tableElement.tBodies[0].rows].forEach((row, index) => {
    Object.entries(hooks[index]).forEach(([name, value]) => {
      if (value !== null && value !== undefined) row.setAttribute(name, value);
    });
  });
  return tableElement;
}

/**
 * Shows a column's text under another column's, in smaller print, and drops the column from the screen: the long text
 * gets the width on a phone. The table's CSV keeps every column.
 */
function foldColumn(tableElement, from, into) {
  tableElement.tHead.rows[0].cells[from].remove();
  [...tableElement.tBodies[0].rows].forEach((row) => {
    row.cells[into].append(el('span', { class: 'meta' }, row.cells[from].textContent));
    row.cells[from].remove();
  });
  return tableElement;
}

/** The role and unit pickers: whose answers the figures are of. The period is the page's. */
function controls(ctx, scan) {
  const units = [...new Set(scan.byUnit.map((u) => u.unit).filter(Boolean))].sort();
  return el('div', { class: 'filters' },
    el('label', {}, `${t('role')} `,
      el('select', { name: 'role', onchange: (e) => ctx.update({ role: e.target.value || null }) },
        el('option', { value: '', selected: !ctx.state.role }, t('allRoles')),
        ROLES.map((role) => el('option', { value: role, selected: role === ctx.state.role }, t(role))))),
    el('label', {}, `${t('unit')} `,
      el('input', {
        type: 'text', name: 'unit', value: ctx.state.unit ?? '', list: 'scan-units', maxlength: '100',
        autocomplete: 'off', placeholder: t('allUnits'),
        onchange: (e) => ctx.update({ unit: e.target.value.trim() || null }),
      }),
      el('datalist', { id: 'scan-units' }, units.map((unit) => el('option', { value: unit })))),
    el('p', { class: 'note' }, t('scanSelectionNote')));
}

/** Where a score lies among the bands: a strip with the score's mark, and the bands named with their ranges. */
function bandScale(value, current) {
  const at = (x) => `left: ${Math.max(0, Math.min(100, x))}%`;
  const strip = el('div', { class: 'band-scale', 'aria-hidden': 'true' },
    BANDS.map((code, i) => el('span', { class: `segment ${code}`, style: `width: ${BAND_EDGES[i + 1] - BAND_EDGES[i]}%` })),
    given(value) ? el('span', { class: 'mark own', style: at(value) }) : null);
  const range = (i) => (i === BANDS.length - 1 ? `≥ ${BAND_EDGES[i]} %` : `${BAND_EDGES[i]}–${BAND_EDGES[i + 1]} %`);
  return el('div', { class: 'band-reading' },
    el('h3', {}, t('bandScale')),
    strip,
    el('ol', { class: 'bands' }, BANDS.map((code, i) => el('li', { 'aria-current': code === current ? 'true' : null },
      el('span', { class: `band ${code}` }, bandName(code)), ' ', el('span', { class: 'range' }, range(i))))));
}

function benchmarkCard(scan, minimum) {
  const b = scan.benchmark;
  const facts = [];
  if (!b.sector) {
    facts.push(el('p', { class: 'note' }, t('noSector')));
  } else if (!given(b.sectorMean)) {
    facts.push(el('dl', { class: 'facts' }, el('dt', {}, t('sector')), el('dd', {}, t(`sector_${b.sector}`))),
      el('p', { class: 'note', 'data-testid': 'benchmark-none' }, t('noBenchmark', b.minimumOrganisations)));
  } else {
    facts.push(el('dl', { class: 'facts' },
      el('dt', {}, t('sector')), el('dd', {}, t(`sector_${b.sector}`)),
      el('dt', {}, t('sectorMean')),
      el('dd', {}, figure('benchmark-sector-mean', b.sectorMean, percent(b.sectorMean), minimum, { inline: true })),
      el('dt', {}, t('organisations')), el('dd', {}, String(b.organisations)),
      el('dt', {}, t('difference')),
      el('dd', {}, figure('benchmark-difference', b.difference,
        `${number(b.difference, 1, { signed: true })} ${t('points')}`, minimum, { inline: true }))),
      el('p', { class: 'note' }, t('benchmarkWhole')));
  }
  const sectors = (b.sectors ?? []).map((s) => [
    `${t(`sector_${s.sector}`)}${s.sector === b.sector ? ` ${t('yourSector')}` : ''}`, s.mean, s.organisations]);
  const sectorTable = hookRows(table(t('sectors'), [t('sector'), `${t('mean')} (%)`, t('organisations')], sectors,
    'scan-sectors', { digits: [null, 1, 0] }), (b.sectors ?? []).map((s) => ({
    'data-testid': `sector-${s.sector}`, 'data-value': String(s.mean), 'aria-current': s.sector === b.sector ? 'true' : null,
  })));
  return card(t('sectorBenchmark'), [
    ...facts,
    el('h3', {}, t('sectors')),
    sectors.length ? sectorTable : el('p', { class: 'note' }, t('noSectors')),
  ], { tools: sectors.length ? [csvButton(sectorTable)] : [] });
}

/** A group (block or result area) as the charts, tables and lists show it. */
function group(id, answer, kind) {
  return {
    id, kind, label: groupTitle(SCAN, id), score: answer?.score ?? null, band: answer?.band ?? null, n: answer?.n ?? 0,
    items: answer?.items ?? {}, maxPoints: catalogueGroup(SCAN, id)?.maxPoints ?? (kind === 'block' ? 3 : 5),
  };
}

/** The figures of a chart's bars, for test hooks and screen readers (the chart itself is one image). */
function figureList(groups, minimum, sufficient) {
  return el('ul', { class: 'visually-hidden' }, groups.map((g) => el('li', {}, `${g.label}: `,
    score(`${g.kind}-${g.id}-score`, g.score, minimum, sufficient), ' ',
    band(`${g.kind}-${g.id}-band`, g.band, sufficient ? null : minimum), ` (${t('n')} ${g.n})`)));
}

function groupTable(caption, groups, fileName) {
  return table(caption, [caption, `${t('score')} (%)`, t('band'), t('n')],
    groups.map((g) => [g.label, g.score, g.band ? bandName(g.band) : null, g.n]), fileName, { digits: [null, 1, null, 0] });
}

/** The answer words of a statement in the catalogue's order (n/a left out: it is counted apart). */
function distributionText(itemId, distribution) {
  const words = catalogueItem(SCAN, itemId)?.answers?.map((a) => a.word).filter((w) => w !== 'NA')
    ?? Object.keys(distribution);
  return words.map((w) => `${answerLabel(SCAN, itemId, w)} ${distribution[w] ?? 0}`).join(' · ');
}

/** Each block's and area's statements behind a disclosure: text, n, n/a, mean points, sd, answers. */
function statementsCard(blocks, areas) {
  const headings = (maxPoints) => [t('statement'), t('n'), t('naCount'), `${t('meanPoints')} (0–${maxPoints})`, t('sd'),
    t('answers')];
  const rows = (g) => Object.entries(g.items).map(([id, item]) => [statement(SCAN, id), item.n, item.naCount,
    item.mean ?? null, item.sd ?? null, item.distribution ? distributionText(id, item.distribution) : '–']);
  const disclosure = (g) => el('details', { class: 'group' },
    el('summary', {}, el('span', {}, g.label), el('span', { class: 'detail' }, `${percent(g.score)} · ${t('n')} ${g.n}`)),
    catalogueGroup(SCAN, g.id)?.covers ? el('p', { class: 'note' }, catalogueGroup(SCAN, g.id).covers[language()]) : null,
    foldColumn(hookRows(table(g.label, headings(g.maxPoints), rows(g), `scan-${g.id.toLowerCase()}`,
      { digits: [null, 0, 0, 2, 2, null] }), Object.entries(g.items).map(([id, item]) => ({
      'data-testid': `item-${id}-mean`, 'data-value': given(item.mean) ? String(item.mean) : '' }))), 5, 0));
  // one CSV of every statement, its group named in the first column
  const all = table(t('scanStatements'), [t('block'), ...headings('3/5')],
    [...blocks, ...areas].flatMap((g) => rows(g).map((row) => [g.label, ...row])), 'scan-statements');
  const element = card(t('scanStatements'), [
    el('h3', {}, t('blocks')), ...blocks.map(disclosure),
    el('h3', {}, t('resultAreas')), ...areas.map(disclosure),
  ], { tools: [csvButton(all)] });
  element.classList.add('statements');
  return element;
}

function disagreementsCard(scan, minimum) {
  if (scan.disagreements.length === 0) {
    return card(t('disagreements'), el('p', { class: 'note' }, scan.sufficient ? t('noDisagreements') : t('withheldNote', minimum)));
  }
  const rows = scan.disagreements.map((d, i) => [i + 1, statement(SCAN, d.item), groupTitle(SCAN, d.group), d.sd, d.relativeSd]);
  const disagreements = hookRows(table(t('disagreements'), ['#', t('statement'), t('block'), t('sd'), t('relativeSd')], rows,
    'scan-disagreements', { digits: [0, null, null, 2, 2] }), scan.disagreements.map((d) => ({
    'data-testid': 'disagreement', 'data-item': d.item, 'data-value': String(d.sd),
  })));
  foldColumn(disagreements, 2, 1);
  return card(t('disagreements'), [el('p', { class: 'note' }, t('disagreementsWhy')), disagreements],
    { tools: [csvButton(disagreements)] });
}

/** Responses and overall score per role or unit; a group under the minimum sample shows its count only. */
function breakdownCard(title, heading, groups, key, name, none, minimum, fileName) {
  const rows = groups.map((g) => [given(g[key]) ? name(g[key]) : none, g.responses, g.sufficient ? g.score ?? null : null,
    g.sufficient ? (g.band ? bandName(g.band) : null) : t('fewer', minimum)]);
  const breakdown = hookRows(table(title, [heading, t('responses'), `${t('score')} (%)`, t('band')],
    rows, fileName, { digits: [null, 0, 1, null] }), groups.map((g) => ({
    'data-testid': `${key}-${g[key] ?? 'none'}`, 'data-value': g.sufficient && given(g.score) ? String(g.score) : '',
    'data-responses': String(g.responses), 'data-band': g.sufficient && g.band ? g.band : '',
  })));
  return card(title, groups.length ? breakdown : el('p', { class: 'note' }, '–'), { tools: groups.length ? [csvButton(breakdown)] : [] });
}

export async function render(ctx) {
  const answer = await get(`${ctx.base}/scan`, scanParams(ctx.state));
  const scan = { ...answer, disagreements: answer.disagreements ?? [], byRole: answer.byRole ?? [], byUnit: answer.byUnit ?? [],
    benchmark: answer.benchmark ?? { sector: null, sectors: [] } };
  const min = scan.minimumSample;
  const sufficient = scan.sufficient;
  const sectorMean = scan.benchmark?.sectorMean ?? null;
  const blocks = BLOCKS.map((id) => group(id, scan.blocks[id], 'block'));
  const areas = AREAS.map((id) => group(id, scan.results.areas[id], 'area'));
  const together = { id: 'RESULTS', kind: 'results', label: t('resultsTogether'), score: scan.results.score ?? null,
    band: scan.results.band ?? null, n: scan.results.n };

  const headline = card(t('overall'), [
    el('div', { class: 'big' }, figure('scan-overall', scan.overall.score, percent(scan.overall.score), min)),
    // below the minimum sample the score above says why; the band only shows that it is withheld too
    el('p', { class: 'band-line' }, `${t('band')}: `, band('scan-band', scan.overall.band, min, { withheld: '–' })),
    el('p', { class: 'detail' }, `${t('responses')}: `, el('span', { 'data-testid': 'scan-responses', 'data-value': String(scan.responses) },
      String(scan.responses)), ' · ', `${t('resultsTogether')}: `, score('scan-results', scan.results.score, min, sufficient)),
    bandScale(scan.overall.score, scan.overall.band),
  ]);

  const blocksChart = el('div', { class: 'chart', role: 'img', 'aria-label': t('blocks') });
  const resultsChart = el('div', { class: 'chart', role: 'img', 'aria-label': t('results') });
  const questions = readingQuestions(SCAN);

  const figures = el('div', { class: 'figures' },
    el('div', { class: 'columns' }, headline, benchmarkCard(scan, min)),
    chartCard(t('blocks'), blocksChart, groupTable(t('blocks'), blocks, 'scan-blocks')),
    figureList(blocks, min, sufficient),
    chartCard(t('results'), resultsChart, groupTable(t('results'), [together, ...areas], 'scan-results')),
    figureList(areas, min, sufficient),
    disagreementsCard(scan, min),
    el('div', { class: 'columns' },
      breakdownCard(t('byRole'), t('role'), scan.byRole, 'role', (role) => t(role), t('noRole'), min, 'scan-by-role'),
      breakdownCard(t('byUnit'), t('unit'), scan.byUnit, 'unit', (unit) => unit, t('noUnit'), min, 'scan-by-unit')),
    statementsCard(blocks, areas));

  const parts = [
    controls(ctx, scan),
    sufficient ? null : el('p', { class: 'note' }, t('withheldNote', min)),
    el('div', { class: 'beside' }, figures, questions.length ? el('aside', { class: 'card questions', 'aria-labelledby': 'scan-questions' },
      el('h2', { id: 'scan-questions' }, t('askYourself')), el('ol', {}, questions.map((q) => el('li', {}, q)))) : null),
  ];
  return {
    parts,
    draw() {
      const reference = { reference: sectorMean, referenceLabel: t('sectorOverall') };
      percentBars(blocksChart, blocks, t('blocks'), reference);
      percentBars(resultsChart, [together, ...areas], t('results'), reference);
    },
  };
}
