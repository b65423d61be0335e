// Savings: per partner for a fiscal year, the total, and the trend across fiscal years.

import {getJson, segment} from '../api.js';
import {barChart, lineChart} from '../charts.js';
import {h, table, nextId} from '../dom.js';
import {t, money, moneyShort} from '../i18n.js';
import {cents} from '../money.js';

export const savingsView = {
  route: 'savings',

  title() {
    return t('savings.heading');
  },

  async load(params, ctx) {
    const asOf = ctx.asOf;
    const partners = await getJson('api/partners', {asOf});
    const ledgers = await Promise.all(partners.items.map(partner =>
      getJson(`api/partners/${segment(partner.id)}/savings`, {asOf}).catch(error => {
        if (error.status === 403 || error.status === 404) return null;
        throw error;
      })));
    const years = [...new Set(ledgers.filter(Boolean).flatMap(l => l.years.map(y => y.fiscalYear)))]
      .sort((a, b) => a - b);
    const requested = Number(params.year);
    const year = years.includes(requested) ? requested : years[years.length - 1];
    const [perYear, allYears] = await Promise.all([
      Promise.all(years.map(y => getJson('api/savings', {fiscalYear: y, asOf}))),
      getJson('api/savings', {asOf}),
    ]);
    return {partners: partners.items, ledgers: ledgers.filter(Boolean), years, year, perYear, allYears};
  },

  render(data, params, ctx) {
    const view = h('div', {class: 'view savings'},
      h('h1', {tabindex: '-1'}, t('savings.heading')));
    if (data.years.length === 0) {
      view.append(h('p', {class: 'card', id: 'savings-empty'}, t('savings.none')));
      return view;
    }
    const totals = data.perYear[data.years.indexOf(data.year)];
    const names = new Map(data.partners.map(p => [p.id, p.name]));
    const yearSelect = nextId('year');

    view.append(
      h('form', {class: 'inline-form', id: 'year-form', onsubmit: event => {
        event.preventDefault();
        ctx.navigate(`#/savings/${event.target.elements.fiscalYear.value}`);
      }},
      h('div', {class: 'field'},
        h('label', {for: yearSelect}, t('savings.year')),
        h('select', {id: yearSelect, name: 'fiscalYear'},
          data.years.map(y => h('option', {value: y, selected: y === data.year}, String(y))))),
      h('button', {type: 'submit', id: 'year-show'}, t('savings.show'))),

      h('section', {class: 'card kpis', 'aria-label': t('savings.total', {year: data.year})},
        kpi('savings-total', t('savings.total', {year: data.year}), totals.total.savings),
        kpi('savings-total-all', t('savings.totalAll'), data.allYears.total.savings)),

      h('section', {'aria-labelledby': 'per-partner-heading'},
        h('h2', {id: 'per-partner-heading'}, t('savings.perPartner', {year: data.year})),
        barChart({
          title: t('savings.perPartner', {year: data.year}),
          desc: t('savings.perPartner.desc', {year: data.year}),
          items: totals.partners.map(p => ({label: p.name || p.partnerId, amount: p.savings})),
          format: money,
          axisFormat: moneyShort,
        }),
        table({
          caption: t('savings.perPartner', {year: data.year}),
          className: 'data',
          columns: [t('col.partner'), t('col.baseline'), t('col.actual'), t('col.revenue'), t('col.savings')],
          numeric: [1, 2, 3, 4],
          rows: totals.partners.map(p => ({
            attrs: {dataset: {partner: p.partnerId}},
            cells: [{th: h('a', {href: `#/partners/${encodeURIComponent(p.partnerId)}`}, p.name || p.partnerId)},
              money(p.baseline), money(p.actual), money(p.revenue), money(p.savings)],
          })).concat([{
            attrs: {class: 'total'},
            cells: [{th: t('col.total')}, money(totals.total.baseline), money(totals.total.actual),
              money(totals.total.revenue), money(totals.total.savings)],
          }]),
        })),

      h('section', {'aria-labelledby': 'trend-heading'},
        h('h2', {id: 'trend-heading'}, t('savings.trend')),
        trendChart(data, names),
        trendTable(data, names)),

      h('p', {class: 'note'}, t('savings.formula')));
    return view;
  },
};

function kpi(id, label, amount) {
  const value = cents(amount);
  return h('p', {class: 'kpi'},
    h('span', {class: 'kpi-label', id: `${id}-label`}, label),
    h('span', {class: value !== null && value < 0n ? 'kpi-value negative' : 'kpi-value', id}, money(amount)));
}

function series(data, names) {
  const total = {name: t('savings.allPartners'), points: {}};
  data.years.forEach((y, i) => { total.points[y] = data.perYear[i].total.savings; });
  const partners = data.ledgers
    .filter(l => l.years.length > 0)
    .map(l => ({
      id: l.partnerId,
      name: names.get(l.partnerId) || l.partnerId,
      points: Object.fromEntries(l.years.map(y => [y.fiscalYear, y.savings])),
    }));
  return [total, ...partners];
}

function trendChart(data, names) {
  return lineChart({
    title: t('savings.trend'),
    desc: t('savings.trend.desc'),
    categories: data.years,
    series: series(data, names),
    axisFormat: moneyShort,
  });
}

function trendTable(data, names) {
  const all = series(data, names);
  return table({
    caption: t('savings.trend'),
    columns: [t('col.year'), ...all.map(serie => serie.name)],
    numeric: all.map((serie, i) => i + 1),
    rows: data.years.map(y => [{th: String(y)}, ...all.map(serie => money(serie.points[y] ?? '0.00'))]),
  });
}
