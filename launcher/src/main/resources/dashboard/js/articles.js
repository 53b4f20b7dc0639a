// The article table: the first page from the API, then a poll every few seconds that inserts only the articles not
// shown yet, at the top (no rebuild: no flicker, the reader's scroll position is kept), with a short highlight.
import { el, fill, num, when, plural } from './dom.js';
import { get } from './api.js';
import { authHeaders, token, unauthorized } from './auth.js';
import { pageLink, withParam } from './state.js';

/** Without the event stream the table polls often; with it, the stream says when to ask and the poll is a safety net. */
const POLL_MS = 4000;
const POLL_WITH_STREAM_MS = 20000;

/**
 * The server's event stream (/api/events/stream): each stored article raises 'newsflow:article', and the table then
 * asks the API with its own filters. Without a token: EventSource, which reconnects by itself. With a token:
 * EventSource cannot send an Authorization header (and the token must not go into the URL), so the stream is read
 * with fetch, which can, and reconnected after a pause. While the stream is down the table polls every few seconds.
 */
export const live = { connected: false };
let closeLive = () => {};
export function disconnectLive() {
  closeLive();
  closeLive = () => {};
}
export function connectLive() {
  closeLive();
  const badge = () => document.getElementById('live')?.setAttribute('title', live.connected
    ? 'live: the server tells the page about each stored article' : 'live: polling every few seconds (event stream not connected)');
  const up = on => { live.connected = on; badge(); };
  const article = () => window.dispatchEvent(new CustomEvent('newsflow:article'));
  if (token()) {
    const abort = new AbortController();
    closeLive = () => { abort.abort(); up(false); };
    readStream(abort.signal, up, article);
    return;
  }
  if (!window.EventSource) return;
  const source = new EventSource('/api/events/stream');
  source.onopen = () => up(true);
  source.onerror = () => up(false);
  source.addEventListener('article', article);
  closeLive = () => { source.close(); up(false); };
}

/** Server-sent events over fetch (with the token's header): blocks end with a blank line; 'event: article' counts. */
async function readStream(signal, up, article) {
  while (!signal.aborted) {
    const sent = token();
    try {
      const res = await fetch('/api/events/stream', { headers: { Accept: 'text/event-stream', ...authHeaders() }, signal, cache: 'no-store' });
      if (res.status === 401) { up(false); unauthorized(sent); return; } // a new token reconnects (main.js)
      if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
      up(true);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer = (buffer + value).replace(/\r\n?/g, '\n');
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          if (/^event: ?article$/m.test(buffer.slice(0, end))) article();
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (e) {
      if (signal.aborted) return;
    }
    up(false);
    await new Promise(r => setTimeout(r, 3000));
  }
}

function row(a, fresh) {
  const tags = [];
  for (const c of a.countries || []) tags.push(el('a', { class: 'tag' + (c.focus ? ' focus' : ''), href: pageLink('country', c.code), title: `${c.name}${c.focus ? ' (focus)' : ''}` }, c.code));
  const people = (a.people || []).slice(0, 4).map(p => el('a', { class: 'tag person', href: pageLink('person', p.key || p.name), title: (p.titles || []).join(', ') }, p.name));
  const events = Object.entries(a.eventCounts || {}).map(([t, n]) => el('a', { class: 'tag event', href: withParam('eventType', t), title: `${n} ${t} events` }, `${t} ${n}`));
  const title = el('a', { href: pageLink('article', a.id), class: 'title' }, a.title || a.id);
  const snippet = a.snippet ? snippetOf(a) : null;
  return el('tr', { class: fresh ? 'fresh' : null, 'data-id': a.id },
    el('td', { class: 'when', title: a.publishedAt ? 'published' : 'no publication date; time enriched' },
      a.publishedAt ? when(a.publishedAt) : el('span', { class: 'muted' }, 'enriched ' + when(a.enrichedAt))),
    el('td', {}, title, a.duplicateOf ? el('span', { class: 'dup', title: 'near-duplicate of ' + a.duplicateOf }, ' duplicate') : null,
      el('div', { class: 'muted small' }, [a.source, a.language].filter(Boolean).join(' · ')), snippet),
    el('td', {}, tags), el('td', {}, people), el('td', {}, events));
}

/** The search snippet, its matches marked at the offsets the API gives (text nodes only). */
function snippetOf(a) {
  const out = el('div', { class: 'snippet' });
  let at = 0;
  for (const [s, e] of (a.highlights || []).filter(h => h[0] >= 0 && h[1] <= a.snippet.length).sort((x, y) => x[0] - y[0])) {
    if (s < at) continue;
    out.append(a.snippet.slice(at, s), el('mark', {}, a.snippet.slice(s, e)));
    at = e;
  }
  out.append(a.snippet.slice(at));
  return out;
}

/**
 * Renders the table into target for the API parameters; returns a stop function. liveParams: the same without the
 * window's end, so that articles arriving after the page was opened still come in.
 */
export function articleTable(target, params, liveParams, caption) {
  let stopped = false;
  const ids = new Set();
  const body = el('tbody', { id: 'articles' });
  const count = el('span', { class: 'muted', id: 'article-count' }, 'loading…');
  fill(target, el('div', { class: 'table-head' }, el('h2', {}, caption || 'Latest articles'), count),
    el('table', { class: 'articles' }, el('thead', {}, el('tr', {}, el('th', {}, 'time'), el('th', {}, 'article'),
      el('th', {}, 'countries'), el('th', {}, 'people'), el('th', {}, 'events'))), body));

  async function first() {
    const page = await get('/api/articles', { ...params, limit: 50 });
    if (stopped) return;
    if (page.error) { fill(count, 'articles unavailable: ' + page.error); return; }
    for (const a of page.items) { ids.add(a.id); body.append(row(a, false)); }
    countText(page);
    if (!page.items.length) body.append(el('tr', { class: 'empty' }, el('td', { colspan: 5, class: 'muted' }, 'no articles match these filters in this range')));
    target.setAttribute('data-ready', '1');
  }

  function countText(page) {
    const total = page.total;
    fill(count, total === undefined ? `newest ${plural(ids.size, 'article')} shown`
      : `${num(ids.size)} shown of ${plural(total, 'article')}${page.totalCapped ? '+' : ''} matching`);
  }

  async function poll() {
    if (stopped) return;
    const page = await get('/api/articles', { ...liveParams, limit: 50 });
    if (stopped || page.error) return;
    const fresh = page.items.filter(a => !ids.has(a.id));
    if (fresh.length) {
      body.querySelector('tr.empty')?.remove();
      const before = document.documentElement.scrollHeight;
      const keep = window.scrollY > target.offsetTop; // reading further down: keep the same rows in view
      const frag = document.createDocumentFragment();
      for (const a of fresh) { ids.add(a.id); frag.append(row(a, true)); }
      body.prepend(frag);
      if (keep) window.scrollBy(0, document.documentElement.scrollHeight - before);
      document.getElementById('live')?.classList.add('pulse');
      setTimeout(() => document.getElementById('live')?.classList.remove('pulse'), 800);
    }
    countText(page.total === undefined ? page : { ...page, total: Math.max(page.total, ids.size) });
  }

  let timer = null;
  const schedule = () => { if (!stopped) timer = setTimeout(() => poll().finally(schedule), live.connected ? POLL_WITH_STREAM_MS : POLL_MS); };
  const onArticle = () => poll();
  window.addEventListener('newsflow:article', onArticle);
  first().then(schedule);
  return () => { stopped = true; clearTimeout(timer); window.removeEventListener('newsflow:article', onArticle); };
}
