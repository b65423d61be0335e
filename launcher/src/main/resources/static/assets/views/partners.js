// Partners: the list, and one partner's services, provider-to-consumer diagram and savings.

import {getJson, segment} from '../api.js';
import {barChart, flowDiagram} from '../charts.js';
import {h, table} from '../dom.js';
import {t, label, money, moneyShort, date} from '../i18n.js';

function partnerLink(id, names) {
  return h('a', {href: `#/partners/${encodeURIComponent(id)}`}, names.get(id) || id);
}

function badge(status) {
  return h('span', {class: `badge ${String(status).toLowerCase()}`}, label(status));
}

export const partnersView = {
  route: 'partners',

  title() {
    return t('partners.heading');
  },

  async load(params, ctx) {
    const partners = await getJson('api/partners', {asOf: ctx.asOf});
    return {partners: partners.items};
  },

  render(data) {
    const names = new Map(data.partners.map(p => [p.id, p.name]));
    return h('div', {class: 'view partners'},
      h('h1', {tabindex: '-1'}, t('partners.heading')),
      data.partners.length === 0 ? h('p', null, t('partners.none')) : table({
        caption: t('partners.heading'),
        columns: [t('col.partner'), t('col.kind'), t('col.officialKey'), t('col.parent')],
        rows: data.partners.map(p => ({
          attrs: {dataset: {partner: p.id}},
          cells: [{th: partnerLink(p.id, names)}, label(p.kind), p.officialKey || t('unknown'),
            p.parentId ? partnerLink(p.parentId, names) : t('unknown')],
        })),
      }));
  },
};

export const partnerView = {
  route: 'partner',

  title(data) {
    return data?.partner?.name || t('partners.heading');
  },

  async load(params, ctx) {
    const id = segment(params.id);
    const {asOf, on} = ctx;
    const [partner, partners, services, matrix, savings] = await Promise.all([
      getJson(`api/partners/${id}`, {asOf}),
      getJson('api/partners', {asOf}),
      getJson(`api/partners/${id}/services`, {asOf, on}),
      getJson('api/service-matrix', {asOf, on}),
      getJson(`api/partners/${id}/savings`, {asOf}),
    ]);
    return {partner, partners: partners.items, services, matrix, savings};
  },

  render(data) {
    const {partner, services} = data;
    const names = new Map(data.partners.map(p => [p.id, p.name]));
    const parents = new Map(data.partners.map(p => [p.id, p.parentId]));
    const all = [...services.provided, ...services.received];
    const running = all.filter(s => s.status === 'ACTIVE').length;
    const planned = all.filter(s => s.status === 'PLANNED').length;

    return h('div', {class: 'view partner', dataset: {partner: partner.id}},
      h('p', null, h('a', {href: '#/partners'}, `← ${t('partner.back')}`)),
      h('h1', {tabindex: '-1'}, partner.name),
      h('dl', {class: 'facts card'},
        h('dt', null, t('col.kind')), h('dd', null, label(partner.kind)),
        partner.officialKey ? [h('dt', null, t('col.officialKey')), h('dd', null, partner.officialKey)] : null,
        partner.parentId ? [h('dt', null, t('col.parent')), h('dd', null, partnerLink(partner.parentId, names))] : null),
      h('p', {id: 'services-summary'}, t('partner.summary', {
        name: partner.name, provided: services.provided.length, received: services.received.length,
        running, planned,
      })),
      serviceSection('provided', t('partner.provided'), services.provided, names),
      serviceSection('received', t('partner.received'), services.received, names),
      diagramSection(data, names, parents),
      savingsSection(data));
  },
};

function serviceSection(id, heading, items, names) {
  return h('section', {'aria-labelledby': `${id}-heading`},
    h('h2', {id: `${id}-heading`}, heading),
    items.length === 0 ? h('p', {id: `${id}-none`}, t('partner.none')) : table({
      className: `data services-${id}`,
      columns: [t('col.service'), t('col.provider'), t('col.consumers'), t('col.status'), t('col.since'),
        t('col.until'), t('col.agreement')],
      rows: items.map(item => ({
        attrs: {dataset: {status: item.status, service: item.serviceCode}},
        cells: [{th: item.serviceName}, partnerLink(item.providerId, names),
          item.consumerIds.map((c, i) => [i > 0 ? ', ' : '', partnerLink(c, names)]),
          badge(item.status), date(item.startsOn), date(item.endsOn),
          h('a', {href: `#/agreements/${encodeURIComponent(item.agreementId)}`}, item.agreementId)],
      })),
    }));
}

function diagramSection(data, names, parents) {
  const id = data.partner.id;
  const involved = row => row.providerId === id || row.consumerId === id
    || parents.get(row.providerId) === id || parents.get(row.consumerId) === id;
  const links = data.matrix.rows.filter(involved).flatMap(row => row.services.map(service => ({
    providerId: row.providerId,
    consumerId: row.consumerId,
    service: {key: `${service.agreementId}/${service.delegationId}`, name: service.serviceName, status: service.status},
  })));
  return h('section', {'aria-labelledby': 'diagram-heading'},
    h('h2', {id: 'diagram-heading'}, t('partner.diagram')),
    links.length === 0 ? h('p', null, t('partner.diagram.none')) : flowDiagram({
      title: t('partner.diagram'),
      desc: `${t('partner.diagram.desc')} ${links.map(l =>
        `${names.get(l.providerId) || l.providerId} → ${l.service.name} (${label(l.service.status)}) → ${
          names.get(l.consumerId) || l.consumerId}`).join('; ')}.`,
      links,
      name: pid => names.get(pid) || pid,
      statusLabel: label,
      highlight: id,
    }));
}

function savingsSection(data) {
  const {partner, savings} = data;
  const serviceNames = new Map([...data.services.provided, ...data.services.received]
    .map(item => [`${item.agreementId}/${item.delegationId}`, item.serviceName]));
  const serviceName = s => serviceNames.get(`${s.agreementId}/${s.delegationId}`) || s.serviceCode;
  const heading = t('partner.savings', {name: partner.name});
  return h('section', {'aria-labelledby': 'partner-savings-heading'},
    h('h2', {id: 'partner-savings-heading'}, heading),
    savings.years.length === 0 ? h('p', null, t('savings.none')) : savings.years.slice().reverse().map(year => {
      const yearHeading = t('partner.savings.year', {year: year.fiscalYear, amount: money(year.savings)});
      return h('section', {class: 'card', dataset: {year: year.fiscalYear}},
        h('h3', null, yearHeading),
        h('div', {class: 'chart-stack'},
          barChart({
            title: yearHeading,
            desc: t('partner.savings.chart.desc', {year: year.fiscalYear}),
            items: year.services.map(s => ({label: serviceName(s), amount: s.savings})),
            format: money,
            axisFormat: moneyShort,
          }),
          table({
            caption: yearHeading,
            columns: [t('col.service'), t('col.role'), t('col.baseline'), t('col.actual'), t('col.revenue'),
              t('col.savings')],
            numeric: [2, 3, 4, 5],
            rows: year.services.map(s => [{th: serviceName(s)}, label(s.role), money(s.baseline), money(s.actual),
              money(s.revenue), money(s.savings)])
              .concat([[{th: t('col.total')}, '', money(year.baseline), money(year.actual), money(year.revenue),
                money(year.savings)]]),
          })));
    }));
}
