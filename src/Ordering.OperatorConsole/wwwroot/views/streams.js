// Streams: find one by id or prefix (GET /api/streams), then read its events as a timeline, newest or oldest first,
// a page at a time (GET /api/streams/{id}/events).
import { api, query } from '../api.js';
import { h, show, time, empty, failure, loading, link, enc, orderIdOf } from '../dom.js';

const PAGE = 25;

export async function renderList(root, { params }) {
  const prefix = params.get('prefix') ?? '';
  const after = params.get('after') ?? '';
  const form = h('form', { class: 'search', role: 'search', onsubmit: e => {
    e.preventDefault();
    location.hash = `#/streams${query({ prefix: e.target.prefix.value.trim() })}`;
  } },
  h('label', { for: 'prefix' }, 'Stream id or prefix'),
  h('input', { id: 'prefix', name: 'prefix', value: prefix, placeholder: 'order-, inventory-book, payment-…', autocomplete: 'off' }),
  h('button', { type: 'submit' }, 'Find'));
  const heading = h('h1', {}, 'Streams');
  show(root, heading, form, loading('streams'));
  let page;
  try {
    page = await api(`/api/streams${query({ prefix, after, maxCount: PAGE })}`);
  } catch (error) {
    show(root, heading, form, failure(error));
    return;
  }
  if (page.streams.length === 0) {
    show(root, heading, form, empty(
      after ? 'No more streams.' : prefix ? `No stream's id starts with "${prefix}".` : 'The store holds no streams yet.',
      prefix ? 'Check the prefix (ids are case-sensitive: order-…, inventory-…, payment-…, saga-…), or clear it to list every stream.'
        : 'Create an order (POST /api/orders) and its stream appears here.'));
    return;
  }
  const table = h('table', { class: 'list' },
    h('caption', {}, prefix ? `Streams starting with "${prefix}"` : 'All streams', after ? `, after ${after}` : ''),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Stream'), h('th', { scope: 'col', class: 'num' }, 'Version'), h('th', { scope: 'col' }, 'Last event'))),
    h('tbody', {}, page.streams.map(st => h('tr', {},
      h('th', { scope: 'row' }, link(`#/streams/${enc(st.streamId)}`, st.streamId)),
      h('td', { class: 'num' }, st.version),
      h('td', {}, time(st.updatedAt))))));
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    after ? link(`#/streams${query({ prefix })}`, 'First page') : null,
    page.next ? link(`#/streams${query({ prefix, after: page.next })}`, 'Next page', { rel: 'next' }) : null);
  show(root, heading, form, h('div', { class: 'table-wrap' }, table), pager);
}

export async function renderStream(root, { id, params }) {
  const newest = params.get('order') !== 'oldest';
  const from = params.get('from');
  const base = `#/streams/${enc(id)}`;
  const orderId = orderIdOf(id);
  const heading = h('h1', {}, h('span', { class: 'muted' }, 'Stream '), id);
  const toggle = h('div', { class: 'toggle', role: 'group', 'aria-label': 'Order' },
    link(`${base}?order=newest`, 'Newest first', newest ? { 'aria-current': 'true' } : {}),
    link(`${base}?order=oldest`, 'Oldest first', newest ? {} : { 'aria-current': 'true' }));
  const back = h('p', {}, link('#/streams', '← All streams'), orderId ? [' · ', link(`#/time-travel/${enc(orderId)}`, 'Time travel this order')] : null);
  show(root, back, heading, toggle, loading('events'));
  let page;
  try {
    page = await api(`/api/streams/${enc(id)}/events${query({ direction: newest ? 'backward' : 'forward', fromVersion: from, maxCount: PAGE })}`);
  } catch (error) {
    show(root, back, heading, failure(error, `No stream "${id}" exists. Find it by prefix in Streams.`));
    return;
  }
  const summary = h('p', { class: 'summary' }, `${page.version} event${page.version === 1 ? '' : 's'}; showing ${page.events.length}, ${newest ? 'newest' : 'oldest'} first.`);
  if (page.events.length === 0) {
    show(root, back, heading, toggle, summary, empty('No events on this page.', 'Go back to the first page.'), link(base, 'First page'));
    return;
  }
  const list = h('ol', { class: 'timeline', 'aria-label': `Events of ${id}` }, page.events.map(e => h('li', { class: 'event' },
    h('div', { class: 'event-head' },
      h('span', { class: 'version', title: `Version ${e.version}` }, `v${e.version}`),
      h('strong', { class: 'type' }, e.type),
      time(e.timestamp)),
    h('dl', { class: 'meta' },
      h('dt', {}, 'Correlation'), h('dd', {}, e.metadata?.correlationId ? link(`#/trace/${enc(e.metadata.correlationId)}`, e.metadata.correlationId, { title: 'Trace everything with this correlation id' }) : '—'),
      h('dt', {}, 'Causation'), h('dd', {}, e.metadata?.causationId ?? '—'),
      h('dt', {}, 'Event id'), h('dd', {}, h('code', {}, e.eventId))),
    orderId ? h('p', { class: 'actions' }, link(`#/time-travel/${enc(orderId)}?version=${e.version}`, `State at v${e.version}`)) : null,
    h('details', {}, h('summary', {}, 'Data'), h('pre', {}, JSON.stringify(e.data, null, 2))))));
  const last = page.events[page.events.length - 1].version;
  const nextFrom = newest ? last - 1 : last + 1;
  const more = newest ? nextFrom >= 1 : last < page.version;
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' },
    from ? link(`${base}?order=${newest ? 'newest' : 'oldest'}`, newest ? 'Newest' : 'Oldest') : null,
    more ? link(`${base}?order=${newest ? 'newest' : 'oldest'}&from=${nextFrom}`, newest ? 'Older events' : 'Newer events', { rel: 'next' }) : null);
  show(root, back, heading, toggle, summary, list, pager);
}
