// The sink's query API (see /api/openapi.json). A failed call returns {error} instead of throwing, so that one
// missing endpoint leaves the rest of the page working and says what is missing. Every call carries the API token
// when there is one (auth.js); a 401 asks for it.
import { authHeaders, token, unauthorized } from './auth.js';

export async function get(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const url = path + (q.toString() ? '?' + q : '');
  try {
    const sent = token();
    const res = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() } });
    if (res.status === 401) unauthorized(sent);
    const body = await res.json().catch(() => null);
    if (!res.ok) return { error: (body && (body.detail || body.title)) || `HTTP ${res.status}`, status: res.status };
    return body;
  } catch (e) {
    return { error: 'the server does not answer', status: 0 };
  }
}

const articleTime = a => Date.parse(a.publishedAt || a.enrichedAt);

/** The span of the stored articles by article time (newest first is the API's default order). */
export async function extent() {
  const [newest, oldest] = await Promise.all([get('/api/articles', { limit: 1 }), get('/api/articles', { limit: 1, sort: 'oldest' })]);
  if (newest.error || !newest.items || !newest.items.length) return null;
  const n = articleTime(newest.items[0]);
  const o = oldest.items && oldest.items.length ? articleTime(oldest.items[0]) : n - 30 * 864e5;
  return { newest: n, oldest: Math.min(o, n) };
}

/** The filters and window as API parameters. */
export function query(filters, win, extra) {
  return { ...filters, from: win.from, to: win.to, ...extra };
}

/** For article lists: no time bounds when the user asked for everything. */
export function listQuery(filters, win) {
  const sort = filters.q ? { sort: 'relevance' } : {};
  return win.all ? { ...filters, ...sort } : query(filters, win, sort);
}
