// Time travel: an order's state at version N (GET /api/orders/{id}?atVersion=N) beside its state at N-1, the event
// between them, and what it changed, highlighted. ← and → step through the versions; "as of" picks the version that
// was current at a time (?asOf=).
import { api, ApiError, query } from '../api.js';
import { h, show, time, empty, failure, loading, link, enc, utc } from '../dom.js';

export async function render(root, { id, params }, signal) {
  const heading = h('h1', {}, 'Time travel');
  const form = pickForm(id, params);
  if (!id) {
    show(root, heading, form, empty('Pick an order to travel through its history.',
      'Enter an order id above, or open an order\'s stream in Streams (prefix "order-") and choose "State at v…" on any event.'));
    return;
  }
  // Arrow keys step through versions, except while typing in a field; a press while a version loads steps from the
  // version asked for (the one before is always there; the one after is known once the stream's length is).
  const asked = Number(params.get('version')) || null;
  let bounds = asked ? { version: asked, latest: null } : null;
  document.addEventListener('keydown', e => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.altKey || e.ctrlKey || e.metaKey || !bounds) return;
    const step = e.key === 'ArrowLeft' ? -1 : e.key === 'ArrowRight' ? 1 : 0;
    const target = bounds.version + step;
    if (!step || target < 1 || (step > 0 && (bounds.latest === null || target > bounds.latest))) return;
    e.preventDefault();
    bounds = { ...bounds, version: target };
    location.hash = `#/time-travel/${enc(id)}?version=${target}`;
  }, { signal });

  show(root, heading, form, loading(`order ${id}`));
  try {
    const asOf = params.get('asOf');
    const head = await latestEvent(id);
    const at = asOf
      ? await api(`/api/orders/${enc(id)}${query({ asOf })}`)
      : await api(`/api/orders/${enc(id)}${query({ atVersion: params.get('version') ?? head.version })}`);
    const version = at.version;
    const [before, event] = await Promise.all([
      version > 1 ? api(`/api/orders/${enc(id)}${query({ atVersion: version - 1 })}`) : null,
      api(`/api/streams/order-${enc(id)}/events${query({ fromVersion: version, maxCount: 1 })}`).then(p => p.events[0]),
    ]);
    if (signal.aborted) return;
    show(root, heading, form, travel(id, before, at, event, head.version, asOf));
    bounds = { version, latest: head.version };
  } catch (error) {
    if (signal.aborted) return;
    const hint = error instanceof ApiError && error.status === 404
      ? (params.get('asOf') ? 'The order did not exist yet at that time: pick a later time.' : `No order "${id}" (or no such version). Check the id in Streams (prefix "order-").`)
      : error instanceof ApiError && error.status === 400 ? 'Give a whole version from 1, or a valid date and time.' : undefined;
    show(root, heading, form, failure(error, hint));
  }
}

async function latestEvent(orderId) {
  const page = await api(`/api/streams/order-${enc(orderId)}/events${query({ direction: 'backward', maxCount: 1 })}`);
  return { version: page.version };
}

function pickForm(id, params) {
  return h('form', { class: 'search', onsubmit: e => {
    e.preventDefault();
    const f = e.target;
    const order = f.order.value.trim();
    if (!order) return;
    const asOf = f.asOf.value ? new Date(f.asOf.value).toISOString() : '';
    location.hash = `#/time-travel/${enc(order)}${query(asOf ? { asOf } : { version: f.version.value })}`;
  } },
  h('label', { for: 'order' }, 'Order id'),
  h('input', { id: 'order', name: 'order', value: id ?? '', required: true, autocomplete: 'off' }),
  h('label', { for: 'version' }, 'Version'),
  h('input', { id: 'version', name: 'version', type: 'number', min: 1, step: 1, value: params.get('version') ?? '', inputmode: 'numeric' }),
  h('label', { for: 'asOf' }, 'or as of (your time)'),
  h('input', { id: 'asOf', name: 'asOf', type: 'datetime-local', step: 1, value: params.get('asOf') ? toLocalInput(params.get('asOf')) : '' }),
  h('button', { type: 'submit' }, 'Show'));
}

function toLocalInput(iso) {
  const d = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function travel(id, before, at, event, latest, asOf) {
  const v = at.version;
  const steps = h('nav', { class: 'pager', 'aria-label': 'Versions' },
    v > 1 ? link(`#/time-travel/${enc(id)}?version=${v - 1}`, `← v${v - 1}`, { 'data-step': 'previous', 'aria-keyshortcuts': 'ArrowLeft' }) : h('span', { class: 'muted' }, 'first version'),
    h('span', { class: 'position' }, `version ${v} of ${latest}`),
    v < latest ? link(`#/time-travel/${enc(id)}?version=${v + 1}`, `v${v + 1} →`, { 'data-step': 'next', 'aria-keyshortcuts': 'ArrowRight' }) : h('span', { class: 'muted' }, 'latest version'));
  const changes = diff(before, at);
  const cause = event ? h('p', { class: 'cause' },
    asOf ? ['As of ', h('time', { datetime: asOf, title: utc(asOf) }, new Date(asOf).toLocaleString()), ' the order was at '] : 'Version ',
    h('strong', {}, `v${v}`), ', written by ', h('strong', { class: 'type' }, event.type), ' at ', time(event.timestamp),
    event.metadata?.correlationId ? [' · ', link(`#/trace/${enc(event.metadata.correlationId)}`, 'trace its correlation')] : null) : null;
  const changed = h('section', { 'aria-labelledby': 'changes-title', class: 'changes' },
    h('h2', { id: 'changes-title' }, before ? `What v${v} changed` : 'Created'),
    changes.length ? h('ul', {}, changes.map(c => h('li', { class: 'change' }, h('strong', {}, c.field), ': ',
      h('del', {}, c.before ?? '—'), ' → ', h('ins', {}, c.after ?? '—'))))
      : h('p', {}, 'Nothing the state shows changed (the event was recorded, e.g. for the saga).'));
  const fieldsChanged = new Set(changes.map(c => c.field.split(' ')[0]));
  const panels = h('div', { class: 'side-by-side' },
    panel(before ? `Before: v${v - 1}` : 'Before: nothing', before, fieldsChanged, 'before'),
    panel(`At v${v}`, at, fieldsChanged, 'after'));
  return [h('p', {}, link(`#/streams/order-${enc(id)}`, `← Stream order-${id}`)), steps, cause, changed, panels,
    h('p', { class: 'hint' }, 'Tip: ← and → step through the versions.')];
}

function panel(title, state, changed, side) {
  const body = state ? h('dl', { class: 'state-fields' }, fields(state).map(([name, value]) => [
    h('dt', { class: changed.has(name) ? 'changed' : null }, name),
    h('dd', { class: changed.has(name) ? `changed ${side}` : null, 'data-field': name }, value)]))
    : h('p', { class: 'muted' }, 'The order did not exist before its first event.');
  return h('section', { class: `panel ${side}`, 'aria-label': title }, h('h2', {}, title), body);
}

function fields(o) {
  return [
    ['status', o.status],
    ['customer', o.customerId],
    ['items', o.items.length ? h('ul', { class: 'lines' }, o.items.map(i => h('li', {}, `${i.quantity} × ${i.sku} @ ${i.unitPrice}`))) : 'none'],
    ['total', `${o.total} ${o.currency}`],
    ['version', o.version],
    ['updated', time(o.updatedAt)],
  ];
}

/** What differs between two states, field by field and line by line. */
export function diff(before, after) {
  if (!before) return [{ field: 'status', before: null, after: after.status }];
  const changes = [];
  const plain = (field, get) => { if (get(before) !== get(after)) changes.push({ field, before: get(before), after: get(after) }); };
  plain('status', o => o.status);
  plain('customer', o => o.customerId);
  const line = i => `${i.quantity} × ${i.sku} @ ${i.unitPrice}`;
  const old = new Map(before.items.map(i => [i.sku, i]));
  const now = new Map(after.items.map(i => [i.sku, i]));
  for (const [sku, i] of now) if (!old.has(sku)) changes.push({ field: `items (${sku} added)`, before: null, after: line(i) });
    else if (line(old.get(sku)) !== line(i)) changes.push({ field: `items (${sku} changed)`, before: line(old.get(sku)), after: line(i) });
  for (const [sku, i] of old) if (!now.has(sku)) changes.push({ field: `items (${sku} removed)`, before: line(i), after: null });
  plain('total', o => `${o.total} ${o.currency}`);
  return changes;
}
