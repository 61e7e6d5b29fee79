// The console's shell: hash routes to views (so it works under any base path, /console/ or /api/console/), the nav's
// current page, and the API key dialog. Each view renders into <main> and stops its timers and listeners when the
// operator leaves it (the signal aborts).
import { apiKey, onKeyNeeded } from './api.js';
import * as streams from './views/streams.js';
import * as timeTravel from './views/time-travel.js';
import * as trace from './views/trace.js';
import * as sagas from './views/sagas.js';
import * as projections from './views/projections.js';

const views = {
  streams: { title: 'Streams', render: (root, route, signal) => route.id ? streams.renderStream(root, route, signal) : streams.renderList(root, route, signal) },
  'time-travel': { title: 'Time travel', render: timeTravel.render },
  trace: { title: 'Correlation trace', render: trace.render },
  sagas: { title: 'Sagas', render: (root, route, signal) => route.id ? sagas.renderSaga(root, route, signal) : sagas.renderList(root, route, signal) },
  projections: { title: 'Projections', render: projections.render },
};

const main = document.getElementById('view');
let current;

/** #/view/id?a=b → { view, id, params }. */
function parse(hash) {
  const [path, search = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  return { view: view || 'streams', id: rest.length ? decodeURIComponent(rest.join('/')) : null, params: new URLSearchParams(search) };
}

async function route() {
  current?.abort();
  current = new AbortController();
  const route = parse(location.hash);
  const view = views[route.view] ?? views.streams;
  for (const a of document.querySelectorAll('nav a')) {
    if (a.dataset.view === route.view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${view.title}${route.id ? `: ${route.id}` : ''} · Ordering console`;
  // A view of its own element: a slow answer for a view already left lands in a detached element, never over the next.
  const root = document.createElement('div');
  main.replaceChildren(root);
  await view.render(root, route, current.signal);
}

// The key dialog: opened by the header button or by a 401; resolves true when a key was entered.
const dialog = document.getElementById('key-dialog');
const input = document.getElementById('key-input');
let answer = null;
function askForKey() {
  input.value = apiKey.get() ?? '';
  dialog.showModal();
  return new Promise(resolve => { answer = resolve; });
}
dialog.addEventListener('close', () => {
  if (dialog.returnValue === 'save' && input.value) apiKey.set(input.value);
  if (dialog.returnValue === 'forget') apiKey.forget();
  answer?.(dialog.returnValue === 'save' && !!input.value);
  answer = null;
  updateKeyButton();
});
function updateKeyButton() {
  document.getElementById('key-button').textContent = apiKey.get() ? 'API key ✓' : 'API key';
}
document.getElementById('key-button').addEventListener('click', async () => {
  if (await askForKey()) route();
});
onKeyNeeded(askForKey);
updateKeyButton();

window.addEventListener('hashchange', () => {
  route();
  main.focus({ preventScroll: true });
});
if (!location.hash) history.replaceState(null, '', '#/streams');
route();
