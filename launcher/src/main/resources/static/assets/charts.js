// Charts drawn as SVG by this dashboard: no chart library, nothing loaded from elsewhere.
// Every chart is an image with a title and a description; the page shows the same figures
// in a table next to it.

import {s, nextId} from './dom.js';
import {euros} from './money.js';

const SERIES = ['#1f5f99', '#b35900', '#2e7d32', '#7b3f99', '#a0153e', '#00695c'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4'];

function figure(width, height, title, desc, ...children) {
  const titleId = nextId('chart-title');
  const descId = nextId('chart-desc');
  return s('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': `${titleId} ${descId}`, preserveAspectRatio: 'xMinYMin meet',
  },
  s('title', {id: titleId}, title),
  s('desc', {id: descId}, desc),
  ...children);
}

/** How many characters of 13px text fit into a width, with room to spare. */
function fits(width) {
  return Math.floor(width / 8);
}

function truncate(text, max) {
  const value = String(text ?? '');
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

function niceStep(range, ticks) {
  const raw = range / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/**
 * Horizontal bars, one per item ({label, amount, note?}); amounts are decimal strings, negative
 * ones grow to the left of the zero line. format(amount) writes the value label.
 */
export function barChart({title, desc, items, format, axisFormat}) {
  const width = 760;
  const labelWidth = 290;
  const valueWidth = 130;
  const rowHeight = 34;
  const top = 10;
  const plotWidth = width - labelWidth - valueWidth;
  const values = items.map(item => euros(item.amount));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const x = v => labelWidth + ((v - min) / span) * plotWidth;
  const height = top + items.length * rowHeight + 28;
  const zero = x(0);
  const step = niceStep(span, 4);
  const ticks = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) ticks.push(v);

  return figure(width, height, title, desc,
    s('g', {class: 'grid', 'aria-hidden': 'true'},
      ticks.map(v => s('g', null,
        s('line', {x1: x(v), x2: x(v), y1: top, y2: top + items.length * rowHeight}),
        s('text', {x: x(v), y: height - 8, 'text-anchor': 'middle', class: 'axis'}, axisFormat(v))))),
    items.map((item, i) => {
      const v = values[i];
      const y = top + i * rowHeight;
      const bar = Math.abs(x(v) - zero);
      return s('g', {class: 'bar-row'},
        s('text', {x: labelWidth - 10, y: y + rowHeight / 2 + 5, 'text-anchor': 'end', class: 'label'},
          s('title', null, item.label), truncate(item.label, fits(labelWidth - 16))),
        s('rect', {
          x: Math.min(zero, x(v)), y: y + 6, width: Math.max(bar, 1), height: rowHeight - 12, rx: 3,
          class: v < 0 ? 'bar negative' : 'bar',
        }),
        s('text', {x: labelWidth + plotWidth + 8, y: y + rowHeight / 2 + 5, class: 'value'}, format(item.amount)));
    }),
    s('line', {class: 'zero', x1: zero, x2: zero, y1: top - 4, y2: top + items.length * rowHeight + 4}));
}

/**
 * A line per series ({name, points: {category: amount}}) over categories (fiscal years). The
 * first series is drawn strongest (the total). Each series has its own colour, dash and marker.
 */
export function lineChart({title, desc, categories, series, axisFormat, categoryFormat = String}) {
  const width = 760;
  const left = 90;
  const right = 20;
  const top = 16;
  const plotHeight = 180;
  const legendRow = 22;
  const height = top + plotHeight + 40 + series.length * legendRow;
  const all = series.flatMap(serie => categories.map(c => serie.points[c]).filter(v => v !== undefined))
    .map(euros);
  const min = Math.min(0, ...all);
  const max = Math.max(0, ...all) || 1;
  const step = niceStep(max - min, 5);
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step || step;
  const y = v => top + plotHeight - ((v - lo) / (hi - lo)) * plotHeight;
  const plotWidth = width - left - right;
  const x = i => left + (categories.length === 1 ? plotWidth / 2 : (i / (categories.length - 1)) * (plotWidth - 60) + 30);
  const ticks = [];
  for (let v = lo; v <= hi + 1e-9; v += step) ticks.push(v);

  const marker = (shape, cx, cy, colour) => {
    if (shape % 3 === 1) {
      return s('rect', {x: cx - 5, y: cy - 5, width: 10, height: 10, fill: colour});
    }
    if (shape % 3 === 2) {
      return s('path', {d: `M${cx} ${cy - 6} L${cx + 6} ${cy + 5} L${cx - 6} ${cy + 5} Z`, fill: colour});
    }
    return s('circle', {cx, cy, r: shape === 0 ? 6 : 5, fill: colour});
  };

  return figure(width, height, title, desc,
    s('g', {class: 'grid', 'aria-hidden': 'true'},
      ticks.map(v => s('g', null,
        s('line', {x1: left, x2: width - right, y1: y(v), y2: y(v), class: v === 0 ? 'zero' : null}),
        s('text', {x: left - 8, y: y(v) + 4, 'text-anchor': 'end', class: 'axis'}, axisFormat(v)))),
      categories.map((c, i) => s('text', {x: x(i), y: top + plotHeight + 20, 'text-anchor': 'middle', class: 'axis'},
        categoryFormat(c)))),
    series.map((serie, k) => {
      const colour = SERIES[k % SERIES.length];
      const pts = categories.map((c, i) => [i, serie.points[c]]).filter(([, v]) => v !== undefined)
        .map(([i, v]) => [x(i), y(euros(v))]);
      return s('g', {class: 'series'},
        pts.length > 1 ? s('polyline', {
          points: pts.map(p => p.join(',')).join(' '), fill: 'none', stroke: colour,
          'stroke-width': k === 0 ? 3 : 2, 'stroke-dasharray': DASHES[k % DASHES.length] || null,
        }) : null,
        pts.map(([px, py]) => marker(k, px, py, colour)));
    }),
    s('g', {class: 'legend'}, series.map((serie, k) => {
      const colour = SERIES[k % SERIES.length];
      const ly = top + plotHeight + 44 + k * legendRow;
      return s('g', null,
        s('line', {x1: left, x2: left + 34, y1: ly - 4, y2: ly - 4, stroke: colour, 'stroke-width': k === 0 ? 3 : 2,
          'stroke-dasharray': DASHES[k % DASHES.length] || null}),
        marker(k, left + 17, ly - 4, colour),
        s('text', {x: left + 44, y: ly, class: 'label'}, serie.name));
    })));
}

/**
 * Providers on the left, services in the middle, consumers on the right. links: [{providerId,
 * consumerId, service: {key, name, status}}]; name(id) gives a partner's name; status(s) its label.
 */
export function flowDiagram({title, desc, links, name, statusLabel, highlight}) {
  const width = 900;
  const nodeW = 210;
  const serviceW = 300;
  const nodeH = 46;
  const gap = 14;
  const providers = [...new Set(links.map(l => l.providerId))];
  const consumers = [...new Set(links.map(l => l.consumerId))];
  const services = [];
  const byKey = new Map();
  links.forEach(l => {
    if (!byKey.has(l.service.key)) {
      byKey.set(l.service.key, l.service);
      services.push(l.service);
    }
  });
  const rows = Math.max(providers.length, consumers.length, services.length);
  const height = rows * (nodeH + gap) + 20;
  const column = (count, i) => {
    const total = count * (nodeH + gap) - gap;
    return (height - total) / 2 + i * (nodeH + gap);
  };
  const px = 0;
  const sx = (width - serviceW) / 2;
  const cx = width - nodeW;
  const yProvider = new Map(providers.map((id, i) => [id, column(providers.length, i)]));
  const yConsumer = new Map(consumers.map((id, i) => [id, column(consumers.length, i)]));
  const yService = new Map(services.map((sv, i) => [sv.key, column(services.length, i)]));
  const curve = (x1, y1, x2, y2) => {
    const mid = (x1 + x2) / 2;
    return `M${x1} ${y1} C${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
  };
  const edgeClass = status => `edge ${String(status).toLowerCase()}`;
  const drawn = new Set();
  const edges = [];
  links.forEach(l => {
    const ys = yService.get(l.service.key) + nodeH / 2;
    const inKey = `${l.providerId}>${l.service.key}`;
    if (!drawn.has(inKey)) {
      drawn.add(inKey);
      edges.push(s('path', {d: curve(px + nodeW, yProvider.get(l.providerId) + nodeH / 2, sx, ys),
        class: edgeClass(l.service.status), 'marker-end': 'url(#flow-arrow)'}));
    }
    const outKey = `${l.service.key}>${l.consumerId}`;
    if (!drawn.has(outKey)) {
      drawn.add(outKey);
      edges.push(s('path', {d: curve(sx + serviceW, ys, cx, yConsumer.get(l.consumerId) + nodeH / 2),
        class: edgeClass(l.service.status), 'marker-end': 'url(#flow-arrow)'}));
    }
  });
  const partnerNode = (id, x, y) => s('g', {class: id === highlight ? 'node partner highlight' : 'node partner'},
    s('rect', {x, y, width: nodeW, height: nodeH, rx: 6}),
    s('text', {x: x + nodeW / 2, y: y + nodeH / 2 + 5, 'text-anchor': 'middle', class: 'label'},
      s('title', null, name(id)), truncate(name(id), fits(nodeW - 16))));
  const serviceNode = sv => {
    const y = yService.get(sv.key);
    return s('g', {class: `node service ${String(sv.status).toLowerCase()}`},
      s('rect', {x: sx, y, width: serviceW, height: nodeH, rx: 6}),
      s('text', {x: sx + serviceW / 2, y: y + 19, 'text-anchor': 'middle', class: 'label'},
        s('title', null, sv.name), truncate(sv.name, fits(serviceW - 20))),
      s('text', {x: sx + serviceW / 2, y: y + 36, 'text-anchor': 'middle', class: 'status'}, statusLabel(sv.status)));
  };
  return figure(width, height, title, desc,
    s('defs', null, s('marker', {id: 'flow-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'},
    s('path', {d: 'M0 0 L10 5 L0 10 Z', class: 'arrow'}))),
    s('g', {class: 'edges'}, edges),
    providers.map(id => partnerNode(id, px, yProvider.get(id))),
    services.map(serviceNode),
    consumers.map(id => partnerNode(id, cx, yConsumer.get(id))));
}

function day(isoDate) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * One lane per delegation ({label, status, startsOn, endsOn}) from start to end, or to `today`
 * while it runs; planned ones without a start are marked. markers: [{date, label}] as lines.
 */
export function timeline({title, desc, lanes, markers, today, todayLabel, plannedLabel, dateFormat, statusLabel}) {
  const width = 900;
  const labelW = 290;
  const right = 44;
  const laneH = 36;
  const top = 46;
  const dates = [today, ...markers.map(m => m.date),
    ...lanes.flatMap(l => [l.startsOn, l.endsOn]).filter(Boolean)].map(day);
  const from = new Date(Math.min(...dates));
  const lo = Date.UTC(from.getUTCFullYear(), 0, 1);
  const to = new Date(Math.max(...dates));
  const hi = Date.UTC(to.getUTCFullYear() + 1, 0, 1);
  const plotW = width - labelW - right;
  const x = t => labelW + ((t - lo) / (hi - lo)) * plotW;
  const height = top + lanes.length * laneH + 30;
  const years = [];
  for (let year = from.getUTCFullYear(); year <= to.getUTCFullYear() + 1; year += 1) years.push(year);
  const yearsShown = years.filter((year, i) => years.length <= 14 || i % Math.ceil(years.length / 14) === 0);
  const end = top + lanes.length * laneH;

  return figure(width, height, title, desc,
    s('g', {class: 'grid', 'aria-hidden': 'true'}, yearsShown.map(year => s('g', null,
      s('line', {x1: x(Date.UTC(year, 0, 1)), x2: x(Date.UTC(year, 0, 1)), y1: top - 6, y2: end}),
      s('text', {x: x(Date.UTC(year, 0, 1)) + 4, y: end + 18, class: 'axis'}, String(year))))),
    lanes.map((lane, i) => {
      const y = top + i * laneH;
      const parts = [s('text', {x: labelW - 10, y: y + laneH / 2 + 5, 'text-anchor': 'end', class: 'label'},
        s('title', null, lane.label), truncate(lane.label, fits(labelW - 16)))];
      if (lane.startsOn) {
        const x1 = x(day(lane.startsOn));
        const x2 = x(day(lane.endsOn || today));
        parts.push(s('rect', {x: x1, y: y + 8, width: Math.max(x2 - x1, 3), height: laneH - 16, rx: 3,
          class: `lane ${String(lane.status).toLowerCase()}`},
        s('title', null, `${lane.label}: ${statusLabel(lane.status)}, ${dateFormat(lane.startsOn)} – ${
          lane.endsOn ? dateFormat(lane.endsOn) : todayLabel}`)));
        if (!lane.endsOn) {
          parts.push(s('path', {d: `M${x2} ${y + 6} L${x2 + 8} ${y + laneH / 2} L${x2} ${y + laneH - 6} Z`,
            class: `lane-open ${String(lane.status).toLowerCase()}`}));
        }
      } else {
        parts.push(s('rect', {x: labelW + 2, y: y + 8, width: 16, height: laneH - 16, rx: 3, class: 'lane planned'}),
          s('text', {x: labelW + 26, y: y + laneH / 2 + 5, class: 'note'}, plannedLabel));
      }
      return s('g', {class: 'lane-row'}, parts);
    }),
    [...markers, {date: today, label: todayLabel, today: true}].map((m, i) => {
      const mx = x(day(m.date));
      const nearEnd = mx > width - 200;
      return s('g', {class: m.today ? 'marker today' : 'marker'},
        s('line', {x1: mx, x2: mx, y1: top - 10 - (i % 2) * 14, y2: end}),
        s('text', {x: nearEnd ? mx - 3 : mx + 3, y: top - 12 - (i % 2) * 14, class: 'marker-label',
          'text-anchor': nearEnd ? 'end' : 'start'}, `${m.label} ${dateFormat(m.date)}`));
    }));
}
