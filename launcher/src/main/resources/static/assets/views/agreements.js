// Agreements: the list, and one agreement with parties, signatures, delegations on a timeline
// and cost entries.

import {getJson, segment} from '../api.js';
import {timeline} from '../charts.js';
import {h, table} from '../dom.js';
import {t, label, money, date} from '../i18n.js';

function badge(status) {
  return h('span', {class: `badge ${String(status).toLowerCase()}`}, label(status));
}

function partnerLink(id, names) {
  return h('a', {href: `#/partners/${encodeURIComponent(id)}`}, names.get(id) || id);
}

export const agreementsView = {
  route: 'agreements',

  title() {
    return t('agreements.heading');
  },

  async load(params, ctx) {
    const [agreements, partners] = await Promise.all([
      getJson('api/agreements', {asOf: ctx.asOf, on: ctx.on}),
      getJson('api/partners', {asOf: ctx.asOf}),
    ]);
    return {agreements: agreements.items, partners: partners.items};
  },

  render(data) {
    const names = new Map(data.partners.map(p => [p.id, p.name]));
    return h('div', {class: 'view agreements'},
      h('h1', {tabindex: '-1'}, t('agreements.heading')),
      data.agreements.length === 0 ? h('p', null, t('agreements.none')) : table({
        caption: t('agreements.heading'),
        columns: [t('col.title'), t('col.status'), t('col.validFrom'), t('col.parties'), t('col.delegations')],
        numeric: [4],
        rows: data.agreements.map(a => ({
          attrs: {dataset: {agreement: a.id}},
          cells: [{th: h('a', {href: `#/agreements/${encodeURIComponent(a.id)}`}, a.title)}, badge(a.status),
            date(a.validFrom), a.parties.map((p, i) => [i > 0 ? ', ' : '', partnerLink(p.partnerId, names)]),
            String(a.delegations.length)],
        })),
      }));
  },
};

export const agreementView = {
  route: 'agreement',

  title(data) {
    return data?.agreement?.title || t('agreements.heading');
  },

  async load(params, ctx) {
    const [agreement, partners] = await Promise.all([
      getJson(`api/agreements/${segment(params.id)}`, {asOf: ctx.asOf, on: ctx.on}),
      getJson('api/partners', {asOf: ctx.asOf}),
    ]);
    return {agreement, partners: partners.items};
  },

  render(data, params, ctx) {
    const a = data.agreement;
    const names = new Map(data.partners.map(p => [p.id, p.name]));
    const delegationNames = new Map(a.delegations.map(d => [d.delegationId, d.serviceName]));
    const today = ctx.on || (ctx.asOf ? ctx.asOf.slice(0, 10) : new Date().toISOString().slice(0, 10));
    const markers = [{date: a.validFrom, label: t('col.validFrom')}];
    if (a.concludedOn) markers.push({date: a.concludedOn, label: label('IN_FORCE')});
    if (a.validUntil) markers.push({date: a.validUntil, label: t('col.until')});
    if (a.terminatedOn) markers.push({date: a.terminatedOn, label: label('TERMINATED')});

    return h('div', {class: 'view agreement', dataset: {agreement: a.id}},
      h('p', null, h('a', {href: '#/agreements'}, `← ${t('agreements.heading')}`)),
      h('h1', {tabindex: '-1'}, a.title),
      h('div', {class: 'card'},
        h('p', null, badge(a.status), ' ',
          t('agreement.validity', {from: date(a.validFrom)}),
          a.validUntil ? ` ${t('agreement.validUntil', {until: date(a.validUntil)})}` : ''),
        a.concludedOn ? h('p', null, t('agreement.concluded', {date: date(a.concludedOn)})) : null,
        a.terminatedOn ? h('p', null, t('agreement.terminated', {date: date(a.terminatedOn), reason: a.terminationReason || ''})) : null,
        h('p', null, h('strong', null, `${t('agreement.subject')}: `), a.subject),
        h('p', null, h('a', {href: `#/audit/${encodeURIComponent(a.id)}`}, t('agreement.history')))),

      h('section', {'aria-labelledby': 'parties-heading'},
        h('h2', {id: 'parties-heading'}, t('agreement.parties')),
        table({
          className: 'data parties',
          columns: [t('col.party'), t('col.signed'), t('col.signatory'), t('col.signatoryRole'), t('col.signedOn')],
          rows: a.parties.map(p => ({
            attrs: {dataset: {party: p.partnerId}},
            cells: [{th: partnerLink(p.partnerId, names)}, p.signed ? t('yes') : t('no'),
              p.signatoryName || t('unknown'), p.signatoryRole || t('unknown'), date(p.signedOn)],
          })),
        })),

      h('section', {'aria-labelledby': 'delegations-heading'},
        h('h2', {id: 'delegations-heading'}, t('agreement.delegations')),
        a.delegations.length === 0 ? h('p', null, t('partner.none')) : [
          table({
            className: 'data delegations',
            columns: [t('col.service'), t('col.provider'), t('col.consumers'), t('col.status'), t('col.since'),
              t('col.until')],
            rows: a.delegations.map(d => ({
              attrs: {dataset: {status: d.status, delegation: d.delegationId}},
              cells: [{th: d.serviceName}, partnerLink(d.providerId, names),
                d.consumerIds.map((c, i) => [i > 0 ? ', ' : '', partnerLink(c, names)]), badge(d.status),
                date(d.startsOn), date(d.endsOn)],
            })),
          }),
          h('h3', {id: 'timeline-heading'}, t('agreement.timeline')),
          timeline({
            title: t('agreement.timeline'),
            desc: t('agreement.timeline.desc'),
            lanes: a.delegations.map(d => ({label: d.serviceName, status: d.status, startsOn: d.startsOn, endsOn: d.endsOn})),
            markers,
            today,
            todayLabel: ctx.on || ctx.asOf ? t('time.on') : t('agreement.today'),
            plannedLabel: t('agreement.plannedNoStart'),
            dateFormat: date,
            statusLabel: label,
          })]),

      h('section', {'aria-labelledby': 'entries-heading'},
        h('h2', {id: 'entries-heading'}, t('agreement.costEntries')),
        (a.costEntries || []).length === 0 ? h('p', null, t('agreement.noEntries')) : table({
          className: 'data entries',
          columns: [t('col.entry'), t('col.service'), t('col.partner'), t('col.year'), t('col.kind'), t('col.amount'),
            t('col.description')],
          numeric: [3, 5],
          rows: a.costEntries.map(e => ({
            attrs: {class: e.reversed ? 'reversed' : null, dataset: {entry: e.entryId}},
            cells: [{th: e.entryId}, delegationNames.get(e.delegationId) || e.delegationId, partnerLink(e.partnerId, names),
              String(e.fiscalYear), label(e.kind), money(e.amount),
              [e.description || '', e.reversed ? h('strong', null, ` (${t('agreement.reversed', {reason: e.reversalReason || ''})})`) : '']],
          })),
        })));
  },
};
