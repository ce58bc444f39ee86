// Building blocks of every view: elements, cards, headline numbers with their test hooks, changes between
// periods, tables with a CSV export, and the switch between a chart and its table.

import { t } from './i18n.js';
import { language } from './state.js';

/** An element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** A number as people read it: fixed decimals, a sign when asked. */
export function number(value, digits = 2, { signed = false } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const shown = Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value; // no "+0.00" or "-0.00"
  const text = new Intl.NumberFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(shown);
  return signed && shown > 0 && !text.startsWith('+') ? `+${text}` : text;
}

/**
 * A headline number with its test hook: data-testid names it, data-value holds the number at full precision as the
 * API gave it ("" when withheld), the text shows it rounded, or says why it is withheld.
 */
export function figure(testid, value, text, minimumSample, { inline = false } = {}) {
  const withheld = value === null || value === undefined;
  return el('span', {
    'data-testid': testid,
    'data-value': withheld ? '' : String(value),
    class: `${inline ? 'figure' : 'value'}${withheld ? ' withheld' : ''}`,
  }, withheld ? t('fewer', minimumSample) : text);
}

/** A scan band's name as a label: Well on the way, Goed op weg, … */
export function bandName(code) {
  const name = t(code);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A scan band with its swatch and its test hook: data-value holds the band's code (WELL_ON_THE_WAY), "" when there
 * is none; the text names it in the page's language, or says why it is withheld.
 */
export function band(testid, code, minimumSample, { withheld = null } = {}) {
  if (!code) {
    return el('span', { 'data-testid': testid, 'data-value': '', class: 'band withheld' },
      withheld ?? (minimumSample === null ? '–' : t('fewer', minimumSample)));
  }
  return el('span', { 'data-testid': testid, 'data-value': code, class: `band ${code}` }, bandName(code));
}

/** A card: a titled section with optional tools. */
export function card(title, body, { tools = [], wide = false } = {}) {
  return el('section', { class: wide ? 'card wide' : 'card' },
    el('header', {}, el('h2', {}, title), tools.length ? el('div', { class: 'tools' }, tools) : null),
    body);
}

/**
 * The change of a score against the previous period: up or down only when its 95 % interval excludes 0, "within
 * the noise" otherwise, and no verdict where there is no interval.
 */
export function change(delta, digits = 2, testid = null) {
  if (!delta || delta.current === null || delta.current === undefined) return null;
  const hook = (kind) => ({ 'data-testid': testid ? `${testid}-change` : null, 'data-change': kind,
    'data-value': delta.difference === null || delta.difference === undefined ? '' : String(delta.difference) });
  if (delta.previous === null || delta.previous === undefined) {
    return el('span', { class: 'change noise', ...hook('withheld') }, t('previousWithheld'));
  }
  const amount = number(delta.difference, digits, { signed: true });
  const interval = delta.ci95 ? `${t('ci95')}: ${number(delta.ci95.low, digits)} … ${number(delta.ci95.high, digits)}` : null;
  if (delta.significant === true) {
    const up = delta.difference > 0;
    return el('span', { class: `change ${up ? 'up' : 'down'}`, ...hook(up ? 'up' : 'down'), title: interval },
      `${up ? '▲' : '▼'} ${amount} ${t('vsPrevious')} (${t('significant')})`);
  }
  if (delta.significant === false) {
    return el('span', { class: 'change noise', ...hook('noise'), title: interval },
      `${amount} ${t('vsPrevious')} (${t('noise')})`);
  }
  return el('span', { class: 'change noise', ...hook('untested'), title: t('untestedWhy') },
    `${amount} ${t('vsPrevious')} (${t('untested')})`);
}

function csvCell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A table of rows (arrays) under headings, with a button that saves it as CSV. Numbers show with the column's
 * digits where given, else whole numbers as they are and others with three decimals; the CSV keeps them exact.
 */
export function table(caption, headings, rows, fileName, { digits = [] } = {}) {
  const numeric = headings.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const shown = (cell, i) => number(cell, digits[i] ?? (Number.isInteger(cell) ? 0 : 3));
  const element = el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, headings.map((h, i) => el('th', { scope: 'col', class: numeric[i] ? 'number' : null }, h)))),
    el('tbody', {}, rows.map((row) => el('tr', {}, row.map((cell, i) => el('td', { class: numeric[i] ? 'number' : null },
      typeof cell === 'number' ? shown(cell, i) : (cell ?? '–')))))));
  element.csv = () => [headings, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
  element.fileName = fileName;
  return element;
}

/** Saves a table's rows as a CSV file. */
export function csvButton(tableElement) {
  return el('button', {
    type: 'button',
    onclick: () => {
      const blob = new Blob([`\uFEFF${tableElement.csv()}`], { type: 'text/csv;charset=utf-8' });
      const link = el('a', { href: URL.createObjectURL(blob), download: `${tableElement.fileName}.csv` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    },
  }, t('csv'));
}

/** A chart and its data table in one card: a button switches between them; the CSV button saves the table. */
export function chartCard(title, chartElement, tableElement, options = {}) {
  tableElement.hidden = true;
  const toggle = el('button', { type: 'button', 'aria-pressed': 'false' }, t('table'));
  toggle.addEventListener('click', () => {
    const showTable = tableElement.hidden;
    tableElement.hidden = !showTable;
    chartElement.hidden = showTable;
    toggle.setAttribute('aria-pressed', String(showTable));
    toggle.textContent = showTable ? t('chart') : t('table');
  });
  return card(title, [chartElement, tableElement], { ...options, tools: [toggle, csvButton(tableElement)] });
}
