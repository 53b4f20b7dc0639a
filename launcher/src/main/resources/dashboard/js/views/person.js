// A person's page: name, titles (role), country, co-mentioned people, events as source and as target, articles.
import { el, fill, card, note, num } from '../dom.js';
import { get, query, listQuery } from '../api.js';
import { bars, countryNames, loadWorld } from '../charts.js';
import { go, withParam, pageLink } from '../state.js';
import { articleTable } from '../articles.js';

const asRows = m => Object.entries(m || {}).map(([k, n]) => ({ key: k, label: k, total: n })).sort((a, b) => b.total - a.total);

export async function personPage(root, key, win, filters, liveFilters) {
  await loadWorld();
  const head = el('div', { class: 'page-head' }, el('h1', {}, key));
  const facts = el('div', { class: 'kpis' });
  const co = el('div', { id: 'co-mentioned' });
  const src = el('div', { id: 'as-source' });
  const tgt = el('div', { id: 'as-target' });
  const table = el('section', { class: 'card wide', id: 'latest' });
  fill(root, head, facts, el('div', { class: 'grid three' }, card('Co-mentioned people (articles)', 'co-card', co),
    card('Events as source (did)', 'src-card', src), card('Events as target (done to)', 'tgt-card', tgt)), table);
  const f = { ...filters, person: key };
  const stop = articleTable(table, listQuery(f, win), { ...listQuery({ ...liveFilters, person: key }, win), to: undefined }, 'Latest articles naming this person');
  const refresh = async () => {
    const p = await get('/api/people/' + encodeURIComponent(key), query(filters, win));
    if (p.error) { fill(facts, note('person details unavailable: ' + p.error)); return; }
    fill(head, el('h1', {}, p.name || key), el('a', { href: withParam('person', p.key || key, []) }, 'filter the overview by this person'));
    fill(facts, el('div', { class: 'kpi' }, el('b', {}, num(p.articles)), el('span', {}, 'articles')),
      el('div', { class: 'kpi' }, el('b', {}, (p.titles || []).join(', ') || '—'), el('span', {}, 'role')),
      el('div', { class: 'kpi' }, p.country ? el('a', { href: pageLink('country', p.country) }, countryNames.get(p.country) || p.country) : el('b', {}, '—'), el('span', {}, 'country')));
    bars(co, (p.coMentioned || []).map(c => ({ key: c.key, label: c.name, total: c.articles })), 'articles',
      r => pageLink('person', r.key), r => go(pageLink('person', r.key)));
    bars(src, asRows(p.asSource), 'events', r => withParam('eventType', r.key, []), r => go(withParam('eventType', r.key, [])));
    bars(tgt, asRows(p.asTarget), 'events', r => withParam('eventType', r.key, []), r => go(withParam('eventType', r.key, [])));
  };
  refresh();
  return { stop, refresh };
}
