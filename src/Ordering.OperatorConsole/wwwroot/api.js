// The HTTP API as the console calls it: the key the operator entered (kept in this tab's session storage) goes with
// every request; a 401 asks for it once and tries again; failures become ApiError with the problem details' words.
const KEY = 'ordering-console-api-key';

export class ApiError extends Error {
  constructor(status, title, detail, code) {
    super(detail || title || `HTTP ${status}`);
    this.status = status;
    this.title = title;
    this.code = code;
  }
}

let askForKey = async () => false;

/** Sets how a 401 asks the operator for a key; resolves true when a key was entered. */
export function onKeyNeeded(ask) {
  askForKey = ask;
}

export const apiKey = {
  get: () => sessionStorage.getItem(KEY),
  set: key => sessionStorage.setItem(KEY, key),
  forget: () => sessionStorage.removeItem(KEY),
};

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  const key = apiKey.get();
  if (key) {
    headers['X-Api-Key'] = key;
    headers['x-functions-key'] = key;
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'The backend did not answer',
      'The backend did not answer. Check that it is running (dotnet run --project src/Ordering.LocalHost) and reload.');
  }
  return response;
}

/** Calls the API; resolves with the parsed JSON body (null when there is none). */
export async function api(path, { method = 'GET', body } = {}) {
  let response = await send(method, path, body);
  if (response.status === 401 && await askForKey()) response = await send(method, path, body);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    if (response.status === 401) {
      throw new ApiError(401, 'API key needed', 'This backend needs an API key for this view. Choose "API key" at the top, enter it, and try again.', 'api-key-required');
    }
    throw new ApiError(response.status, json?.title, json?.detail, json?.code);
  }
  return json;
}

/** A query string from the given values, leaving out empty ones. */
export function query(values) {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') q.set(name, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}
