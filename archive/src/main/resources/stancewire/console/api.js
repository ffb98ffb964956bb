// The archive's HTTP API (see /api/openapi.json). Errors come back as {error, message}; we surface the message.

export const FILTERS = ['q', 'speaker', 'organisation', 'label', 'outlet', 'language', 'from', 'to'];

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The filters of a URL's query, empty ones dropped, in a fixed order. */
export function filtersOf(search) {
  const params = new URLSearchParams(search);
  const filters = new URLSearchParams();
  for (const name of FILTERS) {
    for (const value of params.getAll(name)) {
      if (value.trim() !== '') filters.append(name, value.trim());
    }
  }
  return filters;
}

export async function getJson(path, params) {
  const query = params && params.toString() ? '?' + params.toString() : '';
  return answer(await fetch(path + query, {headers: {Accept: 'application/json'}}), 'the archive');
}

/**
 * A response's JSON, or an ApiError with its message. This server answers errors as {error: code, message}, the
 * alerts API as {error: message}; 204 has no body.
 */
async function answer(response, who) {
  if (response.status === 204) return null;
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(response.status, 'bad-response', who + ' answered ' + response.status + ' without JSON');
  }
  if (!response.ok) {
    throw new ApiError(response.status, body && body.error, (body && (body.message || body.error)) || ('HTTP ' + response.status));
  }
  return body;
}

export function exportHref(filters, format) {
  const params = new URLSearchParams(filters);
  params.set('format', format);
  return '/api/quotes/export?' + params.toString();
}

export const searchQuotes = params => getJson('/api/quotes', params);
export const getQuote = id => getJson('/api/quotes/' + encodeURIComponent(id));
export const speakerStance = name => getJson('/api/speakers/' + encodeURIComponent(name) + '/stance');

/** The alerts API, which this server forwards from /api/alerts/ (so the page keeps to its own origin). */
export async function alertsApi(method, path, apiKey, body) {
  const headers = {Accept: 'application/json', Authorization: 'Bearer ' + apiKey};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return answer(await fetch('/api/alerts/' + path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)}),
    'the alerts API');
}
