// Webhooks: the organisation's endpoints that receive its alerts and score changes, signed. Add one (its secret is
// shown once), send a test event, pause or resume, replace the secret, delete; each has its delivery log.

import { get, post, send } from '../api.js';
import { t } from '../i18n.js';
import { el } from '../ui.js';
import { language } from '../state.js';

const EVENTS = ['alert.raised', 'alert.withdrawn', 'alert.acknowledged', 'scores.changed'];
// a secret just made stays on screen, through the view's refreshes, until its owner says it is copied
let shownSecret = null;

export async function render(ctx) {
  const when = new Intl.DateTimeFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
  const answer = await get(`${ctx.base}/webhooks`);
  const secretBox = el('div', { 'aria-live': 'polite' });
  const problemOf = (error) => el('p', { class: 'problem', role: 'alert' }, error.detail || error.message);

  /** Runs an action of a button; shows the API's reason beside it when refused. */
  const act = (label, testid, action) => el('button', {
    type: 'button',
    'data-testid': testid,
    onclick: async (event) => {
      const button = event.target;
      button.disabled = true;
      button.parentElement.querySelector('.problem')?.remove();
      try {
        await action(button);
      } catch (error) {
        button.disabled = false;
        button.parentElement.append(problemOf(error));
      }
    },
  }, label);

  // shown: { secret, previousSignsUntil (after a new secret: until when the replaced one signs too) } or null
  const showSecret = (shown) => {
    shownSecret = shown;
    // no room taken while there is no secret to show
    secretBox.hidden = shown === null;
    secretBox.replaceChildren(shown === null ? '' : el('div', { class: 'card secret', 'data-testid': 'webhook-secret' },
      el('strong', {}, t('webhookSecret')), ' ', el('code', {}, shown.secret), el('p', { class: 'note' }, t('webhookSecretOnce')),
      shown.previousSignsUntil
        ? el('p', { class: 'note', 'data-testid': 'previous-secret' }, t('previousSignsUntil', when.format(new Date(shown.previousSignsUntil))))
        : null,
      el('button', { type: 'button', onclick: () => showSecret(null) }, t('secretCopied'))));
  };
  showSecret(shownSecret);

  async function deliveries(hook, target) {
    const log = await get(`${ctx.base}/webhooks/${hook.id}/deliveries`, [['limit', '20']]);
    target.replaceChildren(log.deliveries.length === 0 ? el('p', { class: 'note' }, t('noDeliveries')) : el('table', { class: 'deliveries' },
      el('caption', {}, t('deliveryLog')),
      el('thead', {}, el('tr', {}, [t('eventTime'), t('event'), t('deliveryState'), t('attempts'), t('lastAttempt'),
        el('span', { class: 'visually-hidden' }, t('deliveryAction'))].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, log.deliveries.map((d) => {
        const last = d.log[0];
        const outcome = last ? (last.status ? `HTTP ${last.status}` : '') + (last.error ? ` ${last.error}` : '') : '–';
        return el('tr', { 'data-testid': 'delivery', 'data-state': d.state },
          el('td', {}, when.format(new Date(d.createdAt))), el('td', {}, d.type), el('td', {}, t(`delivery_${d.state}`)
            + (d.state === 'pending' && d.attempts > 0 ? ` · ${t('nextTry')} ${when.format(new Date(d.nextAttemptAt))}` : '')),
          el('td', {}, String(d.attempts)), el('td', {}, outcome.trim()),
          // one more attempt now, for one that waits or was given up (a paused webhook sends nothing: resume it)
          el('td', {}, d.state !== 'delivered' && !hook.paused ? act(t('sendAgain'), `retry-${d.id}`, async () => {
            await post(`${ctx.base}/webhooks/${hook.id}/deliveries/${d.id}/retry`);
            await follow(hook, target, d.id, d.log.length);
          }) : ''));
      }))));
    return log.deliveries;
  }

  /** The log, again every half second, until the delivery has more than {@code seen} attempts (5 s at most). */
  async function follow(hook, target, deliveryId, seen) {
    for (let tries = 0; tries < 10; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if ((await deliveries(hook, target)).some((d) => d.id === deliveryId && d.log.length > seen)) break;
    }
  }

  const hooks = answer.webhooks.map((hook) => {
    const log = el('div', {});
    // paused: nothing is sent; failing: its last delivery failed and is being retried; active: its last one got through
    const [swatch, state] = hook.paused ? ['BROKEN', 'paused']
      : hook.consecutiveFailures > 0 ? ['WEAKENED', 'failing'] : ['STRENGTHENED', 'active'];
    return el('li', { 'data-testid': 'webhook', 'data-webhook-id': hook.id, 'data-paused': String(hook.paused), 'data-state': state },
      el('div', {}, el('span', { class: `outcome ${swatch}` }, t(state)), ' ', el('code', {}, hook.url)),
      el('div', { class: 'meta' }, hook.events.join(' · ') + (hook.description ? ` — ${hook.description}` : '')),
      hook.paused && hook.pausedReason ? el('div', { class: 'meta' }, `${t('pausedReason')}: ${hook.pausedReason}`) : null,
      hook.consecutiveFailures > 0 ? el('div', { class: 'meta' }, t('failuresInARow', hook.consecutiveFailures)) : null,
      el('div', { class: 'actions' },
        act(t('sendTest'), `test-${hook.id}`, async (button) => {
          const { deliveryId } = await post(`${ctx.base}/webhooks/${hook.id}/test`);
          await follow(hook, log, deliveryId, 0);
          button.disabled = false;
        }),
        act(t('showDeliveries'), `deliveries-${hook.id}`, async (button) => {
          await deliveries(hook, log);
          button.disabled = false;
        }),
        act(hook.paused ? t('resume') : t('pause'), `pause-${hook.id}`, async () => {
          await send('PATCH', `${ctx.base}/webhooks/${hook.id}`, { paused: !hook.paused });
          ctx.update({});
        }),
        act(t('newSecret'), `rotate-${hook.id}`, async () => {
          showSecret(await post(`${ctx.base}/webhooks/${hook.id}/secret`));
        }),
        act(t('delete'), `delete-${hook.id}`, async () => {
          if (window.confirm(t('deleteWebhook', hook.url))) {
            await send('DELETE', `${ctx.base}/webhooks/${hook.id}`);
            ctx.update({});
          }
        })),
      log);
  });

  const form = el('form', {
    class: 'webhook-form',
    'data-testid': 'webhook-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const data = new FormData(event.target);
      const events = EVENTS.filter((name) => data.get(name));
      form.querySelector('.problem')?.remove();
      try {
        const created = await post(`${ctx.base}/webhooks`, {
          url: data.get('url'), events, description: data.get('description') || null,
        });
        shownSecret = { secret: created.secret };
        ctx.update({});
      } catch (error) {
        form.append(problemOf(error));
      }
    },
  },
  el('label', {}, t('webhookUrl'), ' ', el('input', { type: 'url', name: 'url', required: true, placeholder: 'https://', size: 40 })),
  el('fieldset', {}, el('legend', {}, t('events')),
    EVENTS.map((name) => el('label', {}, el('input', { type: 'checkbox', name, checked: name === 'alert.raised' }), ` ${name}`))),
  el('label', {}, t('description'), ' ', el('input', { type: 'text', name: 'description', maxlength: 200, size: 30 })),
  el('button', { type: 'submit' }, t('addWebhook')));

  return { parts: [
    el('p', { class: 'note' }, t('webhooksNote', answer.limit, answer.httpAllowed)),
    secretBox,
    el('section', { class: 'card alerts webhooks' }, el('h2', {}, t('webhooks')),
      el('ul', {}, hooks.length === 0 ? [el('li', {}, t('noWebhooks'))] : hooks)),
    el('section', { class: 'card' }, el('h2', {}, t('addWebhook')), answer.webhooks.length < answer.limit ? form
      : el('p', { class: 'note' }, t('webhookLimit', answer.limit))),
  ] };
}
