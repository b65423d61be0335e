// Small DOM builders. Text is always set as text, never parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function apply(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: h('a', {href: '#/x'}, 'text', otherNode). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element. */
export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs);
  append(el, children);
  return el;
}

/** A table with a caption, column headers and rows of cells (a cell is a node, text or {th, value}). */
export function table({caption, columns, rows, className, numeric = []}) {
  return h('table', {class: className || 'data'},
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, columns.map((c, i) =>
      h('th', {scope: 'col', class: numeric.includes(i) ? 'num' : null}, c)))),
    h('tbody', null, rows.map(row => {
      const attrs = row.attrs || {};
      const cells = row.cells || row;
      return h('tr', attrs, cells.map((cell, i) => {
        const numericCell = numeric.includes(i) ? 'num' : null;
        if (cell && typeof cell === 'object' && 'th' in cell) {
          return h('th', {scope: 'row', class: numericCell}, cell.th);
        }
        return h('td', {class: numericCell}, cell);
      }));
    })));
}

let uid = 0;
/** A document-unique id for aria references. */
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}
