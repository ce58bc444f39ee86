// Alerts: the closed-loop inbox, newest first; filter by kind and status, acknowledge, page on. New alerts appear
// when the scores change (the live update re-reads the first page).

import { get, post } from '../api.js';
import { t } from '../i18n.js';
import { el } from '../ui.js';
import { language } from '../state.js';

const KINDS = ['RELATIONSHIP_BROKEN', 'RELATIONSHIP_WEAKENED', 'DETRACTOR_COMMENT'];
const OUTCOME_OF = { RELATIONSHIP_BROKEN: 'BROKEN', RELATIONSHIP_WEAKENED: 'WEAKENED' };

export async function render(ctx) {
  const kind = KINDS.includes(ctx.state.kind) ? ctx.state.kind : null;
  const status = ['open', 'acknowledged'].includes(ctx.state.status) ? ctx.state.status : 'open';
  const cursors = [null];
  const when = new Intl.DateTimeFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const list = el('ul', {});
  const pager = el('div', { class: 'pager' });

  const choose = (name, options, value, label) => el('label', {}, `${label} `,
    el('select', { name, onchange: (e) => ctx.update({ [name]: e.target.value || null }) },
      options.map(([v, text]) => el('option', { value: v, selected: v === (value ?? '') }, text))));
  const controls = el('div', { class: 'filters' },
    choose('kind', [['', t('any')], ...KINDS.map((k) => [k, t(k)])], kind, t('kind')),
    choose('status', [['open', t('open')], ['acknowledged', t('acknowledged')]], status, t('status')));

  async function page(index) {
    const params = [['status', status], ['limit', '20']];
    if (kind) params.push(['kind', kind]);
    if (cursors[index]) params.push(['cursor', cursors[index]]);
    const answer = await get(`${ctx.base}/alerts`, params);
    cursors[index + 1] = answer.next;
    list.replaceChildren(...(answer.alerts.length === 0 ? [el('li', {}, t('noAlerts'))] : answer.alerts.map((alert) => {
      const label = OUTCOME_OF[alert.kind]
        ? el('span', { class: `outcome ${OUTCOME_OF[alert.kind]}` }, t(alert.kind))
        : el('span', { class: 'outcome FLATTENED' }, t(alert.kind));
      const acknowledge = alert.status === 'open' ? el('button', {
        type: 'button',
        'data-testid': `acknowledge-${alert.id}`,
        onclick: async (event) => {
          const button = event.target;
          button.disabled = true;
          try {
            await post(`${ctx.base}/alerts/${alert.id}/acknowledge`);
            await page(index);
          } catch (error) {
            button.disabled = false;
            button.after(el('span', { class: 'problem', role: 'alert' }, ` ${error.detail || error.message}`));
          }
        },
      }, t('acknowledge')) : null;
      return el('li', { 'data-testid': 'alert', 'data-alert-id': alert.id, 'data-status': alert.status },
        el('div', {}, label, ' ', el('span', { class: 'meta' },
          `${t('answeredAt')} ${when.format(new Date(alert.answeredAt))} · ${alert.channel}`
          + (alert.touchpoint ? ` · ${alert.touchpoint}` : ''))),
        alert.comment ? el('blockquote', {}, alert.comment) : null,
        acknowledge);
    })));
    pager.replaceChildren(...[
      index > 0 ? el('button', { type: 'button', onclick: () => page(0) }, t('newest')) : null,
      answer.next ? el('button', { type: 'button', onclick: () => page(index + 1) }, t('more')) : null,
    ].filter(Boolean));
  }

  await page(0);
  return { parts: [controls, el('p', { class: 'note' }, t('alertsUnfiltered')),
    el('section', { class: 'card alerts' }, el('h2', {}, t('alerts')), list, pager)] };
}
