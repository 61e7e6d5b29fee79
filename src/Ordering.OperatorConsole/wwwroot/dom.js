// Small helpers for building the views: elements from data (never from HTML strings, so stored values cannot inject
// markup), times in the viewer's zone with UTC on hover, and the empty and error states every view shares.

/** An element: h('a', { href: '#x' }, 'text', child…). Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (name === 'class') element.className = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

/** An SVG element. */
export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const localTime = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** UTC as the hover text shows it: 2026-12-02 10:15:30.123 UTC. */
export function utc(iso) {
  return new Date(iso).toISOString().replace('T', ' ').replace('Z', ' UTC');
}

/** A time in the viewer's zone, with UTC in its title. */
export function time(iso, { short = false } = {}) {
  if (!iso) return h('span', {}, '—');
  const date = new Date(iso);
  return h('time', { datetime: date.toISOString(), title: utc(iso) }, (short ? localTime : local).format(date));
}

/** The view's content replaced by the given nodes. */
export function show(root, ...nodes) {
  root.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
}

/** A state with nothing to show, saying what to do. */
export function empty(message, hint) {
  return h('div', { class: 'state empty', role: 'status' }, h('p', {}, message), hint ? h('p', { class: 'hint' }, hint) : null);
}

/** An error, with the API's own words and what to do about it. */
export function failure(error, hint) {
  const what = error?.status === 0 ? null : error?.status === 404 ? (hint ?? 'Check the id, or find it from the Streams view.') : hint;
  return h('div', { class: 'state error', role: 'alert' },
    h('p', {}, h('strong', {}, error?.title ?? 'Something went wrong'), error?.status ? ` (HTTP ${error.status})` : ''),
    h('p', {}, error?.message ?? String(error)),
    what ? h('p', { class: 'hint' }, what) : null);
}

/** "Loading …" while a view waits for the API. */
export function loading(what) {
  return h('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`);
}

/** A link into another view. */
export function link(hash, text, attributes = {}) {
  return h('a', { href: hash, ...attributes }, text);
}

/** The stream-id and order-id parts of the sample domain's streams: order-{id}, inventory-{sku}, payment-{id}, saga-{id}. */
export function orderIdOf(streamId) {
  const match = /^order-(.+)$/.exec(streamId ?? '');
  return match ? match[1] : null;
}

export function enc(value) {
  return encodeURIComponent(value);
}
