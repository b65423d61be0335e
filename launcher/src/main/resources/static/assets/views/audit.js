// Audit: the complete history of an agreement, with actor and time, and a way to see every
// view as it was recorded before any of its events.

import {getJson, segment} from '../api.js';
import {h, table} from '../dom.js';
import {t, label, instant, integer} from '../i18n.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The latest millisecond before a recorded instant: with nanoseconds past the millisecond the
 * millisecond itself lies before it, else the one before.
 */
export function justBefore(recordedAt) {
  const match = INSTANT.exec(recordedAt);
  if (!match) return new Date(Date.parse(recordedAt) - 1).toISOString();
  const fraction = match[2] || '';
  const millis = Date.parse(`${match[1]}.${fraction.slice(0, 3).padEnd(3, '0')}${match[3]}`);
  const subMillis = /[1-9]/.test(fraction.slice(3));
  return new Date(subMillis ? millis : millis - 1).toISOString();
}

export const auditListView = {
  route: 'audit',

  title() {
    return t('audit.heading');
  },

  async load(params, ctx) {
    const agreements = await getJson('api/agreements', {asOf: ctx.asOf});
    return {agreements: agreements.items};
  },

  render(data) {
    return h('div', {class: 'view audit'},
      h('h1', {tabindex: '-1'}, t('audit.heading')),
      h('p', null, t('audit.choose')),
      data.agreements.length === 0 ? h('p', null, t('agreements.none')) : h('ul', {class: 'agreement-list'},
        data.agreements.map(a => h('li', null,
          h('a', {href: `#/audit/${encodeURIComponent(a.id)}`, dataset: {agreement: a.id}}, a.title)))));
  },
};

function payloadList(payload) {
  const entries = Object.entries(payload || {}).filter(([key]) => key !== 'agreementId');
  return h('ul', {class: 'payload'}, entries.map(([key, value]) => h('li', null,
    h('code', null, key), ': ',
    Array.isArray(value) ? value.join(', ') : value === null ? '–' : String(value))));
}

export const auditView = {
  route: 'audit-agreement',

  title(data) {
    return t('audit.history', {title: data?.agreement?.title || data?.history?.agreementId || ''});
  },

  async load(params, ctx) {
    const id = segment(params.id);
    const history = await getJson(`api/agreements/${id}/history`, {asOf: ctx.asOf});
    let agreement = null;
    try {
      agreement = await getJson(`api/agreements/${id}`, {asOf: ctx.asOf});
    } catch (error) {
      if (error.status !== 404) throw error;
    }
    return {history, agreement};
  },

  render(data, params, ctx) {
    const events = data.history.events || [];
    const title = data.agreement?.title || data.history.agreementId;
    return h('div', {class: 'view audit-history', dataset: {agreement: data.history.agreementId}},
      h('p', null, h('a', {href: '#/audit'}, `← ${t('audit.heading')}`)),
      h('h1', {tabindex: '-1'}, t('audit.history', {title})),
      h('p', null, t('audit.intro'), ' ', h('span', {id: 'event-count'}, t('audit.events', {count: integer(events.length)}))),
      events.length === 0 ? h('p', null, t('audit.none')) : table({
        className: 'data history',
        caption: t('audit.history', {title}),
        columns: [t('col.position'), t('col.recordedAt'), t('col.event'), t('col.actor'), t('col.details'),
          t('col.correlation'), t('col.actions')],
        numeric: [0],
        rows: events.map(e => ({
          attrs: {dataset: {type: e.type, position: e.position}},
          cells: [{th: String(e.position ?? e.sequence)},
            h('time', {datetime: e.recordedAt}, instant(e.recordedAt)),
            [h('strong', null, label(e.type)), h('br'), h('span', {class: 'mono'}, e.type)],
            [e.metadata?.actor || t('unknown'), e.metadata?.actorRole ? h('br') : null,
              e.metadata?.actorRole ? h('span', {class: 'note'}, e.metadata.actorRole) : null],
            payloadList(e.payload),
            h('span', {class: 'mono'}, e.metadata?.correlationId || t('unknown')),
            h('button', {
              type: 'button', class: 'secondary before',
              'aria-label': t('audit.before.label', {position: e.position, type: label(e.type)}),
              onclick: () => ctx.setAsOf(justBefore(e.recordedAt)),
            }, t('audit.before'))],
        })),
      }));
  },
};
