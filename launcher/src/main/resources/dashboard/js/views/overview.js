// Overview: totals, world map, trends, top people/organizations/event types, latest articles (live).
import { el, fill, card, note, num, plural } from '../dom.js';
import { get, query, listQuery } from '../api.js';
import { worldMap, trends, bars, loadWorld, countryNames, highlightCountry, QUAD } from '../charts.js';
import { go, withParam, pageLink, current } from '../state.js';
import { articleTable } from '../articles.js';

export const TOPS = [
  { kind: 'countries', title: 'Countries', unit: 'articles', filter: 'country', page: 'country' },
  { kind: 'people', title: 'People', unit: 'articles', filter: 'person', page: 'person' },
  { kind: 'organizations', title: 'Organizations', unit: 'articles', filter: 'organization' },
  { kind: 'events', title: 'Event types', unit: 'events', filter: 'eventType' },
];

/** Map data: /api/stats/map, or article counts per country from /api/stats/countries on an older server. */
export async function mapItems(q) {
  const m = await get('/api/stats/map', q);
  if (!m.error) return { items: m.items };
  const c = await get('/api/stats/countries', { from: q.from, to: q.to, bucket: q.bucket === 'day' ? 'day' : 'hour', limit: 200 });
  if (c.error) return { error: m.error };
  return { items: c.items.map(i => ({ code: i.key, name: i.label, articles: i.total, events: 0, quadClass: {} })), partial: true };
}

/** Timeline series, with the older /api/stats/events as the fallback for event types. */
export async function timeline(q, by) {
  const t = await get('/api/stats/timeline', { ...q, by });
  if (!t.error) return t.series;
  if (by === 'eventType') {
    const e = await get('/api/stats/events', { from: q.from, to: q.to, bucket: q.bucket === 'day' ? 'day' : 'hour', limit: 12 });
    if (!e.error) return e.items;
  }
  return { error: t.error };
}

export function mapCard(win, filters, metric) {
  // The map is a picture for the mouse; the table under it is the same data for the keyboard and screen readers.
  const body = el('div', { id: 'map', class: 'map', role: 'img', 'aria-label': 'world map of the selected articles',
    'aria-describedby': 'map-note map-keys-help' });
  const keys = el('div', { id: 'map-countries', class: 'map-countries' });
  const toggle = el('div', { class: 'seg', role: 'group', 'aria-label': 'map shading' },
    el('a', { href: withParam('map', null), class: metric !== 'intensity' ? 'on' : null }, 'articles'),
    el('a', { href: withParam('map', 'intensity'), class: metric === 'intensity' ? 'on' : null, id: 'map-intensity' }, 'conflict / cooperation'));
  const status = el('p', { class: 'muted small', id: 'map-note' });
  const section = card('World', 'map-card', toggle, body, status, keys);
  return {
    section,
    async refresh() {
      await loadWorld();
      const m = await mapItems(query(filters, win));
      if (m.error) return fill(status, 'map unavailable: ' + m.error);
      worldMap(body, m.items, metric, code => go(withParam('country', code)));
      countryTable(keys, body, m.items);
      fill(status, `${plural(m.items.length, 'country', 'countries')} tagged. Shading: `
        + (metric === 'intensity' ? 'events by QuadClass, cooperation minus conflict over all events of the country (an event counts for its source and its target country)'
          : 'articles that tag the country') + (m.partial ? ' (events not available from this server)' : '') + '. Click a country to filter, or use the table below the map.');
      section.setAttribute('data-ready', '1');
    },
  };
}

/**
 * Every country on the map as a row of a table, most articles first: Tab reaches each name, Enter filters by it
 * (a link: the same navigation as a click on the map), and focus on a name highlights the country on the map.
 */
function countryTable(target, mapElement, items) {
  const rows = [...items].sort((a, b) => b.articles - a.articles || a.code.localeCompare(b.code));
  // The map refreshes every 15 s: an unchanged table is left alone, and a changed one keeps the keyboard focus.
  const signature = JSON.stringify(rows);
  if (target.dataset.signature === signature) return;
  target.dataset.signature = signature;
  const focused = target.contains(document.activeElement) ? document.activeElement.dataset.code : null;
  const help = el('p', { class: 'muted small', id: 'map-keys-help' },
    'Keyboard: the table lists every country on the map; Tab to a name and press Enter to filter by it.');
  if (!rows.length) return fill(target, help);
  const cell = (n) => el('td', { class: 'n' }, num(n || 0));
  const quad = q => [(q['1'] || 0) + (q['2'] || 0), (q['3'] || 0) + (q['4'] || 0)];
  fill(target, help, el('div', { class: 'scroll', role: 'region', 'aria-label': 'countries on the map' },
    el('table', { class: 'countries' },
      el('caption', { class: 'muted small' }, `${plural(rows.length, 'country', 'countries')} on the map, most articles first`),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'country'), el('th', { scope: 'col' }, 'articles'),
        el('th', { scope: 'col' }, 'events'), el('th', { scope: 'col' }, 'cooperation'), el('th', { scope: 'col' }, 'conflict'))),
      el('tbody', {}, rows.map(i => {
        const [coop, conflict] = quad(i.quadClass || {});
        const name = countryNames.get(i.code) || i.name || i.code;
        return el('tr', {}, el('th', { scope: 'row' }, el('a', {
          href: withParam('country', i.code), 'data-code': i.code, title: `filter by ${name}`,
          onfocus: () => highlightCountry(mapElement, i.code, true), onblur: () => highlightCountry(mapElement, i.code, false),
        }, `${name} (${i.code})`)), cell(i.articles), cell(i.events), cell(coop), cell(conflict));
      })))));
  if (focused) target.querySelector(`a[data-code="${CSS.escape(focused)}"]`)?.focus();
}

export function trendsCard(win, filters, by, title) {
  const body = el('div', { id: 'trends-' + by, class: 'trends' });
  const status = el('p', { class: 'muted small' });
  const choices = [['articles', 'articles'], ['quadClass', 'events by QuadClass'], ['eventType', 'events by type']];
  const seg = el('div', { class: 'seg', role: 'group', 'aria-label': 'trend series' },
    choices.map(([k, label]) => el('a', { href: withParam('by', k === 'articles' ? null : k), class: k === by ? 'on' : null }, label)));
  const section = card(title || 'Trends', 'trends-card', seg, body, status);
  return {
    section,
    async refresh() {
      const series = await timeline(query(filters, win, { bucket: win.bucket }), by);
      if (series.error) return fill(status, 'trends unavailable: ' + series.error);
      const named = series.map(s => ({ ...s, label: by === 'quadClass' ? `${s.key} ${QUAD[s.key] || ''}` : (s.label || s.key) }));
      trends(body, named, by === 'articles' ? 'articles' : 'events');
      fill(status, `per ${win.bucket}, ${win.label}; ${by === 'articles' ? 'articles by article time' : 'events (negated and hypothetical excluded)'}.`);
    },
  };
}

export function topCard(spec, win, filters, extra) {
  const body = el('div', { id: 'top-' + spec.kind });
  const section = card(`${spec.title} (${spec.unit})`, 'top-card-' + spec.kind, body);
  return {
    section,
    async refresh() {
      const r = await get('/api/stats/' + spec.kind, query(filters, win, { bucket: win.bucket === 'day' ? 'day' : 'hour', limit: 10, ...extra }));
      if (r.error) return fill(body, note(`${spec.title.toLowerCase()} unavailable: ${r.error}`));
      bars(body, r.items, spec.unit, row => spec.page ? pageLink(spec.page, row.key) : withParam(spec.filter, row.key),
        row => go(withParam(spec.filter, row.key)));
    },
  };
}

async function totals(target, win, filters) {
  const [articles, events] = await Promise.all([get('/api/articles', query(filters, win, { limit: 1 })),
    get('/api/stats/timeline', query(filters, win, { bucket: win.bucket, by: 'quadClass' }))]);
  const a = articles.total !== undefined ? num(articles.total) + (articles.totalCapped ? '+' : '') : '—';
  const e = events.series ? num(events.series.reduce((s, x) => s + x.total, 0)) : '—';
  fill(target, el('div', { class: 'kpi' }, el('b', { id: 'total-articles' }, a), el('span', {}, 'articles')),
    el('div', { class: 'kpi' }, el('b', { id: 'total-events' }, e), el('span', {}, 'events (who did what to whom)')),
    el('div', { class: 'kpi wide' }, el('span', {}, win.label), el('span', { class: 'muted small' }, `${win.from.slice(0, 16)} to ${win.to.slice(0, 16)} UTC, per ${win.bucket}`)));
}

export function overview(root, win, filters, liveFilters) {
  const params = current().params;
  const kpis = el('div', { class: 'kpis', id: 'kpis' });
  const map = mapCard(win, filters, params.get('map'));
  const trend = trendsCard(win, filters, params.get('by') || 'articles');
  const tops = TOPS.map(t => topCard(t, win, filters));
  const table = el('section', { class: 'card wide', id: 'latest' });
  fill(root, kpis, el('div', { class: 'grid two' }, map.section, trend.section), el('div', { class: 'grid four' }, tops.map(t => t.section)), el('div', { id: 'health-mini' }), table);
  const stop = articleTable(table, listQuery(filters, win), win.all ? { ...liveFilters } : { ...liveFilters, from: win.from });
  const refresh = () => { totals(kpis, win, filters); map.refresh(); trend.refresh(); tops.forEach(t => t.refresh()); };
  refresh();
  return { stop, refresh };
}

export { countryNames };
