// Projections: each one's generation, checkpoint, lag and status (GET /api/projections), sampled every 2 s by this
// page into a lag chart of the last minutes; dead letters with their error and a retry button; a rebuild with its
// progress until the new generation takes over.
import { api, ApiError } from '../api.js';
import { h, s, show, time, empty, failure, loading, enc } from '../dom.js';

const EVERY_MS = 2000;
const WINDOW_MS = 5 * 60 * 1000;
// Samples outlive a visit to another view, so coming back shows the minutes already seen.
const samples = new Map();
const rebuilds = new Map(); // name -> the generation a rebuild asked for

export async function render(root, _route, signal) {
  const heading = h('h1', {}, 'Projections');
  const status = h('p', { class: 'status-line', role: 'status' });
  const body = h('div', {}, loading('projections'));
  show(root, heading, status, body);
  let openLetters = new Set();

  async function refresh() {
    let list;
    try {
      list = await api('/api/projections');
    } catch (error) {
      show(body, failure(error, 'The console tries again every few seconds.'));
      return;
    }
    if (signal.aborted) return;
    const now = Date.now();
    for (const p of list) {
      const key = `${p.name}@${p.version}`;
      const series = samples.get(key) ?? [];
      series.push({ at: now, lag: p.lag });
      while (series.length && series[0].at < now - WINDOW_MS) series.shift();
      samples.set(key, series);
    }
    if (list.length === 0) {
      show(body, empty('This backend runs no projections.', 'Projections are registered by the host (OrderingReadModels).'));
      return;
    }
    const letters = await Promise.all(list.filter(p => p.deadLetters > 0 && p.status !== 'Rebuilding')
      .map(p => api(`/api/projections/${enc(p.name)}/deadletters`).then(l => [p.name, l]).catch(e => [p.name, e])));
    if (signal.aborted) return;
    // Keep the operator's place: re-render only the parts, preserving focus on a button that still exists.
    const focused = document.activeElement?.dataset?.focusKey;
    show(body, table(list, retry, rebuild), chart(list), deadLetters(letters, retry, openLetters));
    if (focused) body.querySelector(`[data-focus-key="${CSS.escape(focused)}"]`)?.focus();
  }

  async function retry(name) {
    status.textContent = `Retrying the dead letters of ${name}…`;
    try {
      const result = await api(`/api/projections/${enc(name)}/deadletters/retry`, { method: 'POST' });
      status.textContent = `Retried ${name}: ${result.applied} applied, ${result.stillParked} still parked.`;
    } catch (error) {
      status.textContent = `The retry of ${name} failed: ${error.message}`;
    }
    await refresh();
  }

  async function rebuild(name) {
    if (!confirm(`Rebuild ${name}? A new generation fills from the first event while the current one keeps serving; it takes over once it has caught up.`)) return;
    try {
      const started = await api(`/api/projections/${enc(name)}/rebuild`, { method: 'POST' });
      rebuilds.set(name, started.version);
      status.textContent = `Rebuilding ${name} as generation ${started.version}…`;
    } catch (error) {
      status.textContent = error instanceof ApiError && error.status === 501
        ? `This host cannot rebuild ${name}: ${error.message}` : `The rebuild of ${name} failed: ${error.message}`;
    }
    await refresh();
  }

  await refresh();
  const timer = setInterval(refresh, EVERY_MS);
  signal.addEventListener('abort', () => clearInterval(timer));
}

function table(list, retry, rebuild) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'list projections' },
    h('caption', {}, 'Every generation the host runs; sampled every 2 seconds'),
    h('thead', {}, h('tr', {}, ['Projection', 'Generation', 'Status', 'Checkpoint', 'Lag', 'Dead letters', 'Updated', ''].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, list.map(p => h('tr', { 'data-projection': p.name, 'data-generation': p.version },
      h('th', { scope: 'row' }, p.name),
      h('td', { class: 'num' }, p.version),
      h('td', {}, h('span', { class: `badge status-${p.status.toLowerCase()}` }, p.status), progress(p)),
      h('td', { class: 'num' }, p.checkpoint),
      h('td', { class: 'num lag' }, p.lag),
      h('td', { class: 'num' }, p.deadLetters),
      h('td', {}, time(p.updatedAt, { short: true })),
      h('td', {}, p.status === 'Rebuilding' ? null
        : h('button', { type: 'button', 'data-focus-key': `rebuild-${p.name}`, onclick: () => rebuild(p.name) }, 'Rebuild'),
        p.deadLetters > 0 && p.status !== 'Rebuilding'
          ? h('button', { type: 'button', 'data-focus-key': `retry-row-${p.name}`, onclick: () => retry(p.name) }, 'Retry dead letters') : null))))),
    switched(list));
}

function progress(p) {
  if (p.status !== 'Rebuilding') return null;
  const total = p.checkpoint + p.lag;
  const done = total === 0 ? 0 : p.checkpoint / total;
  return h('span', { class: 'rebuild-progress' },
    h('progress', { max: 1, value: done.toFixed(3), 'aria-label': `Rebuild of ${p.name}` }),
    ` ${Math.floor(done * 100)}% (${p.checkpoint} of ${total})`);
}

// Once the generation a rebuild asked for runs as the active one, say so (once).
function switched(list) {
  const notes = [];
  for (const [name, generation] of rebuilds) {
    const active = list.find(p => p.name === name && p.version === generation && p.status !== 'Rebuilding');
    if (active) notes.push(h('p', { class: 'switched', role: 'status' }, `${name} switched to generation ${generation}.`));
  }
  return notes.length ? h('div', {}, notes) : null;
}

function chart(list) {
  const width = 640;
  const height = 160;
  const pad = 28;
  const now = Date.now();
  const series = list.map((p, index) => ({ label: `${p.name} (gen ${p.version})`, points: samples.get(`${p.name}@${p.version}`) ?? [], index }));
  const max = Math.max(1, ...series.flatMap(line => line.points.map(pt => pt.lag)));
  const xOf = at => pad + ((at - (now - WINDOW_MS)) / WINDOW_MS) * (width - 2 * pad);
  const yOf = lag => height - pad - (lag / max) * (height - 2 * pad);
  const latest = line => `${line.label}: ${line.points.at(-1)?.lag ?? 0}`;
  return h('figure', { class: 'chart' },
    s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Lag over the last 5 minutes. Now: ${series.map(latest).join(', ')}` },
      s('line', { x1: pad, y1: height - pad, x2: width - pad, y2: height - pad, class: 'axis-line' }),
      s('line', { x1: pad, y1: pad, x2: pad, y2: height - pad, class: 'axis-line' }),
      s('text', { x: pad - 4, y: pad + 4, 'text-anchor': 'end', class: 'axis' }, max),
      s('text', { x: pad - 4, y: height - pad, 'text-anchor': 'end', class: 'axis' }, 0),
      s('text', { x: pad, y: height - 8, class: 'axis' }, '5 min ago'),
      s('text', { x: width - pad, y: height - 8, 'text-anchor': 'end', class: 'axis' }, 'now'),
      series.map(line => s('polyline', {
        class: `series series-${line.index % 6}`,
        points: line.points.map(pt => `${xOf(pt.at).toFixed(1)},${yOf(pt.lag).toFixed(1)}`).join(' '),
      })),
      // The newest sample as a dot, so a flat line on the axis (no lag) still shows.
      series.filter(line => line.points.length).map(line => s('circle', {
        class: `latest series-${line.index % 6}`, r: 3.5, cx: xOf(line.points.at(-1).at).toFixed(1), cy: yOf(line.points.at(-1).lag).toFixed(1),
      }))),
    h('figcaption', {}, 'Lag (events behind the feed) over the last 5 minutes, as this page sampled it',
      h('ul', { class: 'legend' }, series.map(line => h('li', { class: `series-${line.index % 6}` }, latest(line))))));
}

function deadLetters(letters, retry, open) {
  if (letters.length === 0) return h('section', { 'aria-labelledby': 'dl-title' }, h('h2', { id: 'dl-title' }, 'Dead letters'),
    empty('No projection has parked an event.', 'When a projection fails on an event it parks it here with the error, and moves on.'));
  return h('section', { 'aria-labelledby': 'dl-title' }, h('h2', { id: 'dl-title' }, 'Dead letters'),
    letters.map(([name, list]) => list instanceof Error ? failure(list) : h('div', { class: 'dead-letters', 'data-projection': name },
      h('h3', {}, name, ` (${list.length})`),
      h('button', { type: 'button', class: 'retry', 'data-focus-key': `retry-${name}`, onclick: () => retry(name) }, `Retry ${name}`),
      h('ul', { class: 'letters' }, list.map(l => h('li', { class: 'letter' },
        h('p', {}, h('strong', {}, l.event.type), ' in ', h('a', { href: `#/streams/${enc(l.event.streamId)}` }, l.event.streamId), ` v${l.event.streamVersion ?? l.event.version}`,
          ` · ${l.attempts} attempt${l.attempts === 1 ? '' : 's'} · parked `, time(l.parkedAt)),
        h('pre', { class: 'error-text' }, l.error)))))));
}
