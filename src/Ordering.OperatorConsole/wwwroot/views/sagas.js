// Sagas: instances by status (GET /api/sagas), and one saga's steps as a timeline (GET /api/sagas/{id}): activities,
// the timer and when it was due, the external event that won the race, and the compensations in the order they ran.
import { api, query } from '../api.js';
import { h, show, time, empty, failure, loading, link, enc } from '../dom.js';

const STATUSES = ['Running', 'Completed', 'Compensated', 'Failed'];

export async function renderList(root, { params }) {
  const status = params.get('status') ?? '';
  const token = params.get('continuationToken') ?? '';
  const heading = h('h1', {}, 'Sagas');
  const filter = h('form', { class: 'search', onsubmit: e => {
    e.preventDefault();
    location.hash = `#/sagas${query({ status: e.target.status.value })}`;
  } },
  h('label', { for: 'status' }, 'Status'),
  h('select', { id: 'status', name: 'status', onchange: e => e.target.form.requestSubmit() },
    h('option', { value: '', selected: status === '' }, 'Any status'),
    STATUSES.map(st => h('option', { value: st, selected: st === status }, st))),
  h('button', { type: 'submit' }, 'Show'));
  show(root, heading, filter, loading('sagas'));
  let page;
  try {
    page = await api(`/api/sagas${query({ status, continuationToken: token, maxCount: 25 })}`);
  } catch (error) {
    show(root, heading, filter, failure(error));
    return;
  }
  const more = page.continuationToken ? link(`#/sagas${query({ status, continuationToken: page.continuationToken })}`, page.items.length ? 'Next page' : 'Look further', { rel: 'next' }) : null;
  if (page.items.length === 0) {
    show(root, heading, filter, empty(
      status ? `No ${status.toLowerCase()} saga${token ? ' on this page' : ''}.` : 'No saga has started yet.',
      more ? 'The backend stopped looking after a bounded amount of work: look further for more.'
        : 'A checkout starts one: POST /api/orders/{orderId}/checkout. Choose "Any status" to see every saga.'),
    more ? h('nav', { class: 'pager' }, more) : null);
    return;
  }
  const table = h('table', { class: 'list' },
    h('caption', {}, status ? `${status} sagas` : 'Sagas'),
    h('thead', {}, h('tr', {}, ['Saga', 'Name', 'Status', 'Reason', 'Started', 'Updated'].map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, page.items.map(sg => h('tr', {},
      h('th', { scope: 'row' }, link(`#/sagas/${enc(sg.sagaId)}`, sg.sagaId)),
      h('td', {}, sg.name),
      h('td', {}, badge(sg.status)),
      h('td', {}, sg.reason ?? '—'),
      h('td', {}, time(sg.createdAt)),
      h('td', {}, time(sg.updatedAt))))));
  show(root, heading, filter, h('div', { class: 'table-wrap' }, table),
    h('nav', { class: 'pager', 'aria-label': 'Pages' }, token ? link(`#/sagas${query({ status })}`, 'First page') : null, more));
}

function badge(status) {
  return h('span', { class: `badge status-${status.toLowerCase()}` }, status);
}

export async function renderSaga(root, { id }) {
  const back = h('p', {}, link('#/sagas', '← All sagas'));
  const heading = h('h1', {}, h('span', { class: 'muted' }, 'Saga '), id);
  show(root, back, heading, loading('the saga'));
  let saga;
  try {
    saga = await api(`/api/sagas/${enc(id)}`);
  } catch (error) {
    show(root, back, heading, failure(error, 'A saga is listed once the feed has started it: check the id in Sagas, or wait a moment and reload.'));
    return;
  }
  const orderId = /^checkout-(.+)$/.exec(id)?.[1];
  const facts = h('dl', { class: 'facts' },
    h('dt', {}, 'Status'), h('dd', {}, badge(saga.status)),
    saga.reason ? [h('dt', {}, 'Reason'), h('dd', { class: 'reason' }, saga.reason)] : null,
    h('dt', {}, 'Started'), h('dd', {}, time(saga.createdAt)),
    h('dt', {}, 'Updated'), h('dd', {}, time(saga.updatedAt)),
    orderId ? [h('dt', {}, 'Order'), h('dd', {}, link(`#/streams/order-${enc(orderId)}`, `order-${orderId}`), ' · ', link(`#/time-travel/${enc(orderId)}`, 'time travel'))] : null);
  const steps = annotate(saga);
  const timeline = steps.length
    ? h('ol', { class: 'timeline steps', 'aria-label': 'Steps' }, steps.map(step => h('li', { class: `step kind-${step.kind} ${step.role ?? ''}` },
      h('div', { class: 'event-head' },
        h('span', { class: 'kind' }, step.role === 'compensation' ? `compensation ${step.order}` : step.kind),
        h('strong', { class: 'type' }, step.kind === 'timer' ? 'Timer' : step.name),
        h('span', { class: `badge step-${step.status}` }, step.label),
        time(step.at)),
      step.kind === 'timer' && step.dueAt ? h('p', { class: 'due' }, 'Due at ', time(step.dueAt)) : null,
      step.error ? h('p', { class: 'error-text' }, step.error) : null)))
    : empty('No steps yet.', 'The saga has started; its first activity is on its way. Reload in a moment.');
  show(root, back, heading, facts, h('h2', {}, 'Steps'), timeline);
}

/**
 * Reads the steps as an operator wants them: which raised event (or the timer) won the wait, the timer that lost,
 * and, in a compensated saga, the activities after the turn as compensations, numbered in the order they ran. The
 * turn is the last failed activity (a step that could not be done), else the wait's winner (a refused payment, a
 * cancellation, the timeout).
 */
export function annotate(saga) {
  const finished = saga.status !== 'Running';
  // Only a saga that waited (it set a timer) had a race to win; an event it got otherwise was merely raised.
  const waited = saga.steps.some(step => step.kind === 'timer');
  let winner = -1;
  const steps = saga.steps.map((step, i) => {
    const s = { ...step, label: step.status };
    if (waited && winner < 0 && (step.kind === 'event' || (step.kind === 'timer' && step.status === 'fired'))) {
      winner = i;
      s.label = step.kind === 'timer' ? 'fired: won' : 'won';
      s.role = 'winner';
    } else if (step.kind === 'timer' && step.status !== 'fired') s.label = finished ? 'cancelled: lost' : 'waiting';
    return s;
  });
  if (saga.status !== 'Compensated') return steps;
  const lastFailed = steps.findLastIndex(st => st.kind === 'activity' && st.status === 'failed');
  const turn = lastFailed >= 0 ? lastFailed : winner;
  if (turn < 0) return steps; // no turn to be seen: mark nothing rather than guess
  let order = 0;
  for (const [i, st] of steps.entries()) if (i > turn && st.kind === 'activity') Object.assign(st, { role: 'compensation', order: ++order });
  return steps;
}
