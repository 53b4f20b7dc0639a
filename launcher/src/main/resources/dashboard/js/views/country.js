// A country's page: its totals, event types over time, counterpart countries, people, organizations, articles.
import { el, fill, card, note, num } from '../dom.js';
import { get, query, listQuery } from '../api.js';
import { loadWorld, countryNames, bars } from '../charts.js';
import { go, withParam, pageLink } from '../state.js';
import { articleTable } from '../articles.js';
import { trendsCard, topCard, TOPS } from './overview.js';

export async function countryPage(root, code, win, filters, liveFilters) {
  await loadWorld();
  const f = { ...filters, country: code };
  const name = countryNames.get(code) || code;
  const kpis = el('div', { class: 'kpis' });
  const counterparts = el('div', { id: 'counterparts' });
  const trend = trendsCard(win, f, 'eventType', 'Event types over time');
  const tops = TOPS.filter(t => t.kind === 'people' || t.kind === 'organizations').map(t => topCard(t, win, f));
  const table = el('section', { class: 'card wide', id: 'latest' });
  fill(root, el('div', { class: 'page-head' }, el('h1', {}, name, ' ', el('span', { class: 'muted' }, code)),
    el('a', { href: withParam('country', code, []) }, 'filter the overview by ' + name)),
  kpis, el('div', { class: 'grid two' }, trend.section, card('Counterpart countries (events)', 'counterparts-card', counterparts)),
  el('div', { class: 'grid two' }, tops.map(t => t.section)), table);
  const stop = articleTable(table, listQuery(f, win), { ...listQuery({ ...liveFilters, country: code }, win), to: undefined }, `Latest articles tagging ${name}`);
  const refresh = async () => {
    trend.refresh();
    tops.forEach(t => t.refresh());
    const [m, c] = await Promise.all([get('/api/stats/map', query(f, win)), get('/api/stats/counterparts', query(filters, win, { country: code }))]);
    const me = m.items && m.items.find(i => i.code === code);
    fill(kpis, el('div', { class: 'kpi' }, el('b', {}, me ? num(me.articles) : '—'), el('span', {}, 'articles tag ' + name)),
      el('div', { class: 'kpi' }, el('b', {}, me ? num(me.events) : '—'), el('span', {}, 'events with ' + name + ' as source or target')),
      el('div', { class: 'kpi wide' }, el('span', {}, win.label)));
    if (c.error) return fill(counterparts, note('counterparts unavailable: ' + c.error));
    bars(counterparts, c.items.map(i => ({ key: i.code, label: `${countryNames.get(i.code) || i.code}`, total: i.events,
      types: i.byType })), 'events', r => pageLink('country', r.key), r => go(pageLink('country', r.key)));
  };
  refresh();
  return { stop, refresh };
}
