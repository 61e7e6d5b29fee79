// Correlation trace: every event carrying one correlation id (GET /api/correlations/{id}/events), drawn as one lane
// per stream (order, inventory, payment, saga, …) on one time axis, so a checkout reads as one picture; the same
// events follow as a table in commit order.
import { api, query } from '../api.js';
import { h, s, show, time, empty, failure, loading, link, enc, utc } from '../dom.js';

const KINDS = ['order', 'inventory', 'payment', 'saga'];
const MAX_PAGES = 5;

export async function render(root, { id }) {
  const heading = h('h1', {}, 'Correlation trace');
  const form = h('form', { class: 'search', role: 'search', onsubmit: e => {
    e.preventDefault();
    const value = e.target.correlation.value.trim();
    if (value) location.hash = `#/trace/${enc(value)}`;
  } },
  h('label', { for: 'correlation' }, 'Correlation id'),
  h('input', { id: 'correlation', name: 'correlation', value: id ?? '', required: true, autocomplete: 'off' }),
  h('button', { type: 'submit' }, 'Trace'));
  if (!id) {
    show(root, heading, form, empty('Enter a correlation id to see everything it caused.',
      'Every event shows its correlation id in a stream\'s timeline: follow it from there. A request sets it with X-Correlation-Id.'));
    return;
  }
  show(root, heading, form, loading('the trace'));
  const events = [];
  let more = null;
  try {
    // Pages in commit order; a trace longer than a few thousand events is drawn from its beginning.
    let after = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await api(`/api/correlations/${enc(id)}/events${query({ after })}`);
      events.push(...answer.events);
      after = answer.next ?? null;
      if (!after) break;
    }
    more = after;
  } catch (error) {
    show(root, heading, form, failure(error, 'Check the correlation id: copy it from an event in a stream\'s timeline.'));
    return;
  }
  if (events.length === 0) {
    show(root, heading, form, empty(`No event carries correlation id "${id}".`, 'Check the id; it is case-sensitive and copied from an event\'s metadata.'));
    return;
  }
  const streams = [...new Set(events.map(e => e.streamId))].sort((a, b) => rank(a) - rank(b) || firstAt(events, a) - firstAt(events, b));
  show(root, heading, form,
    h('p', { class: 'summary' }, `${events.length} events in ${streams.length} streams, from `, time(events[0].timestamp), ' to ', time(events[events.length - 1].timestamp), '.',
      more ? ' More events carry this id: these are the first.' : ''),
    h('figure', { class: 'lanes' }, lanes(events, streams), h('figcaption', {}, 'One lane per stream; time runs left to right. Select a mark to open its stream.')),
    table(events));
}

function rank(streamId) {
  const kind = KINDS.findIndex(k => streamId.startsWith(`${k}-`));
  return kind < 0 ? KINDS.length : kind;
}

function firstAt(events, streamId) {
  return Date.parse(events.find(e => e.streamId === streamId).timestamp);
}

/** x positions by time, nudged apart so events a millisecond apart stay distinct, in commit order. */
function positions(events, left, right) {
  const times = events.map(e => Date.parse(e.timestamp));
  const t0 = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - t0);
  const gap = 18;
  const xs = [];
  for (const [i, t] of times.entries()) xs.push(Math.max(left + ((t - t0) / span) * (right - left), i ? xs[i - 1] + gap : left));
  const overflow = xs[xs.length - 1] - right;
  return overflow > 0 ? xs.map(x => left + ((x - left) * (right - left)) / (right - left + overflow)) : xs;
}

function lanes(events, streams) {
  const label = 190;
  const width = 1000;
  const lane = 66;
  const top = 8;
  const height = top + streams.length * lane + 30;
  const xs = positions(events, label + 24, width - 16);
  const laneOf = new Map(streams.map((st, i) => [st, i]));
  // Labels take one of two rows under their marks where they fit; a crowded mark keeps its tooltip and its table row.
  const lastLabel = streams.map(() => [-Infinity, -Infinity]);
  const room = 104;
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Trace across ${streams.length} streams`, class: 'trace' },
    streams.map((st, i) => s('g', { class: `lane kind-${KINDS[rank(st)] ?? 'other'}` },
      s('title', {}, st),
      s('rect', { x: 0, y: top + i * lane, width, height: lane - 6, rx: 6 }),
      s('text', { x: 10, y: top + i * lane + (lane - 6) / 2, class: 'lane-label' }, st.length > 24 ? `${st.slice(0, 23)}…` : st))),
    events.map((e, i) => {
      const index = laneOf.get(e.streamId);
      const y = top + index * lane + 14;
      const row = lastLabel[index].findIndex(last => xs[i] - last >= room);
      if (row >= 0) lastLabel[index][row] = xs[i];
      return s('a', { href: `#/streams/${enc(e.streamId)}`, class: 'mark' },
        s('title', {}, `${e.type} · ${e.streamId} v${e.version} · ${new Date(e.timestamp).toLocaleString()} (${utc(e.timestamp)})`),
        s('circle', { cx: xs[i], cy: y, r: 6 }),
        row >= 0 ? s('text', { x: xs[i], y: y + 20 + row * 14, class: 'mark-label', 'text-anchor': anchor(xs[i], label + 24, width - 16) }, short(e.type)) : null);
    }),
    s('text', { x: label + 24, y: height - 8, class: 'axis' }, precise(events[0].timestamp)),
    s('text', { x: width - 16, y: height - 8, class: 'axis', 'text-anchor': 'end' }, precise(events[events.length - 1].timestamp)));
}

// Near an end of the axis a label grows inwards, so it is neither clipped nor over the lane's name.
function anchor(x, left, right) {
  return x - left < 50 ? 'start' : right - x < 50 ? 'end' : 'middle';
}

const preciseFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3 });

function precise(iso) {
  return preciseFormat.format(new Date(iso));
}

function short(type) {
  return type.replace(/^saga\./, '');
}

function table(events) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list' },
    h('caption', {}, 'In commit order'),
    h('thead', {}, h('tr', {}, ['Time', 'Stream', 'Version', 'Type', 'Caused by'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, events.map(e => h('tr', {},
      h('td', {}, h('time', { datetime: e.timestamp, title: utc(e.timestamp) }, precise(e.timestamp))),
      h('td', {}, link(`#/streams/${enc(e.streamId)}`, e.streamId)),
      h('td', { class: 'num' }, e.version),
      h('th', { scope: 'row' }, e.type),
      h('td', {}, h('code', {}, e.metadata?.causationId ?? '—')))))));
}
