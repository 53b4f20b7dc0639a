// The view state lives in the URL hash (#/path?filters): every view is a link, and the back button works because
// every change is a navigation.

export const FILTERS = ['q', 'country', 'person', 'organization', 'eventType', 'quadClass', 'source', 'language'];
const TIME = ['range', 'from', 'to'];
const RANGES = { '15m': 9e5, '1h': 36e5, '6h': 216e5, '24h': 864e5, '7d': 6048e5, '30d': 2592e6, '365d': 31536e6 };
const HOUR = 36e5;

export function current() {
  const h = location.hash.replace(/^#/, '') || '/';
  const q = h.indexOf('?');
  const path = q < 0 ? h : h.slice(0, q);
  return {
    parts: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(q < 0 ? '' : h.slice(q + 1)),
  };
}

export function link(parts, params) {
  const kept = new URLSearchParams();
  for (const [k, v] of params || []) if (v !== '' && (FILTERS.includes(k) || TIME.includes(k) || k === 'by' || k === 'map')) kept.set(k, v);
  const q = kept.toString();
  return '#/' + parts.map(encodeURIComponent).join('/') + (q ? '?' + q : '');
}

/** The same view with one parameter changed (null removes it). */
export function withParam(name, value, parts) {
  const s = current();
  const p = new URLSearchParams(s.params);
  if (value === null || value === undefined || value === '') p.delete(name); else p.set(name, value);
  return link(parts || s.parts, p);
}

/** A link to another page that keeps the current filters. */
export function pageLink(...parts) {
  return link(parts, current().params);
}

export function go(hash) {
  if (location.hash !== hash) location.hash = hash;
}

export function filtersOf(params) {
  const out = {};
  for (const k of FILTERS) if (params.get(k)) out[k] = params.get(k);
  return out;
}

/** Bucket width from the span: minute up to 6 h, hour up to 14 days, day beyond (the API's own limits). */
export function bucketFor(fromMs, toMs) {
  const span = toMs - fromMs;
  return span <= 6 * HOUR ? 'minute' : span <= 14 * 24 * HOUR ? 'hour' : 'day';
}

const floorTo = (ms, unit) => Math.floor(ms / unit) * unit;

/**
 * {from, to, bucket, label, open}: explicit from/to, a range back from now, or "all" = the span of the stored
 * articles (their article time), asked of the API. open = the window ends now, so live updates may pass its end;
 * all = no time filter was asked for (lists then send none; charts need the span for their buckets).
 */
export async function timeWindow(params, extent) {
  const now = Date.now();
  let from, to, label, open = false, all = false;
  if (params.get('from') || params.get('to')) {
    to = params.get('to') ? Date.parse(params.get('to')) : now;
    from = params.get('from') ? Date.parse(params.get('from')) : to - 24 * HOUR;
    label = `${new Date(from).toISOString().slice(0, 16)} to ${new Date(to).toISOString().slice(0, 16)} UTC`;
  } else if (RANGES[params.get('range')]) {
    to = floorTo(now, 6e4) + 6e4;
    from = to - RANGES[params.get('range')];
    label = 'last ' + params.get('range');
    open = true;
  } else {
    const e = await extent();
    to = e ? floorTo(e.newest, HOUR) + HOUR : floorTo(now, HOUR) + HOUR;
    from = e ? floorTo(e.oldest, HOUR) : to - 24 * HOUR;
    if (to - from < HOUR) from = to - HOUR;
    label = 'all stored articles';
    open = true;
    all = true;
  }
  const bucket = bucketFor(from, to);
  const unit = bucket === 'minute' ? 6e4 : bucket === 'hour' ? HOUR : 24 * HOUR;
  from = floorTo(from, unit);
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), bucket, label, open, all };
}
