// One article: its text with every tag marked at its evidence offsets (UTF-16 offsets into the body, the same
// unit as JavaScript strings), the events as who-did-what-to-whom lines, and the tags. Text nodes only.
import { el, fill, card, note, when, safeHref } from '../dom.js';
import { get } from '../api.js';
import { QUAD, countryNames, loadWorld } from '../charts.js';
import { pageLink, withParam } from '../state.js';

const KINDS = { country: 'country', person: 'person', organization: 'organization', event: 'event trigger' };

/** Every evidence span: [{begin, end, kind, label, href}] from the record's tags. */
export function spansOf(a) {
  const spans = [];
  const add = (list, kind, label, href) => (list || []).forEach(m => spans.push({ begin: m.begin, end: m.end, kind, label, href }));
  for (const c of a.countries || []) add(c.evidence, 'country', `${c.name} (${c.code})${c.focus ? ', focus' : ''}`, pageLink('country', c.code));
  for (const p of a.people || []) add(p.evidence, 'person', p.name + ((p.titles || []).length ? ', ' + p.titles.join(', ') : ''), pageLink('person', p.key || p.name));
  for (const o of a.organizations || []) add(o.evidence, 'organization', o.name + (o.acronym ? ` (${o.acronym})` : ''), withParam('organization', o.name, []));
  (a.events || []).forEach((e, i) => e.trigger && spans.push({ begin: e.trigger.begin, end: e.trigger.end, kind: 'event', label: `${e.type}: ${eventLine(e)}`, event: i }));
  return spans;
}

/** Marks the spans in the text; where spans overlap, the earlier (then the longer) one wins. */
export function highlighted(text, spans) {
  const out = el('div', { class: 'article-body', id: 'article-body' });
  const sorted = spans.filter(s => s.begin >= 0 && s.end <= text.length && s.begin < s.end)
    .sort((x, y) => x.begin - y.begin || (y.end - y.begin) - (x.end - x.begin));
  let at = 0;
  for (const s of sorted) {
    if (s.begin < at) continue;
    out.append(text.slice(at, s.begin));
    const mark = el('mark', { class: 'k-' + s.kind, title: `${KINDS[s.kind]}: ${s.label}`, 'data-kind': s.kind,
      'data-begin': s.begin, 'data-end': s.end, 'data-event': s.event }, text.slice(s.begin, s.end));
    out.append(mark);
    at = s.end;
  }
  out.append(text.slice(at));
  return out;
}

function actor(x) {
  if (!x) return 'someone';
  const country = x.country ? countryNames.get(x.country) || x.country : null;
  const name = x.name || country || x.kind || 'someone';
  return country && name !== country ? `${name} (${country})` : name;
}

export function eventLine(e) {
  const verb = e.type.toLowerCase().replace(/_/g, ' ') + (e.mode ? ` (${e.mode})` : '');
  const where = e.place ? ` in ${e.place}` : e.locationCountry ? ` in ${countryNames.get(e.locationCountry) || e.locationCountry}` : '';
  const flags = [e.negated ? 'negated' : null, e.hypothetical ? 'hypothetical' : null].filter(Boolean);
  return `${actor(e.source)} → ${verb} → ${e.target ? actor(e.target) : '(no target)'}${where}${e.date ? ', ' + e.date : ''}`
    + (flags.length ? ` [${flags.join(', ')}]` : '');
}

function eventList(a, body) {
  if (!(a.events || []).length) return note('no events found in this article');
  return el('ol', { class: 'events', id: 'event-lines' }, a.events.map((e, i) => el('li', { class: 'q' + e.quadClass + (e.negated || e.hypothetical ? ' unreal' : '') },
    el('span', { class: 'qc', title: QUAD[e.quadClass] || '' }, e.type), ' ', eventLine(e), ' ',
    el('button', { type: 'button', class: 'link', onclick: () => {
      const m = body.querySelector(`mark[data-event="${i}"]`);
      if (m) { m.scrollIntoView({ block: 'center', behavior: 'smooth' }); m.classList.add('flash'); setTimeout(() => m.classList.remove('flash'), 1500); }
    } }, 'show in text'))));
}

function tagList(a) {
  return el('div', { class: 'tags' },
    el('h3', {}, 'Countries'), (a.countries || []).map(c => el('a', { class: 'tag' + (c.focus ? ' focus' : ''), href: pageLink('country', c.code), title: `${c.mentions} mentions` }, `${c.name} ${c.mentions}`)),
    el('h3', {}, 'People'), (a.people || []).map(p => el('a', { class: 'tag person', href: pageLink('person', p.key || p.name), title: (p.titles || []).join(', ') }, p.name)),
    el('h3', {}, 'Organizations'), (a.organizations || []).map(o => el('a', { class: 'tag org', href: withParam('organization', o.name, []) }, o.name)));
}

export async function articlePage(root, id) {
  fill(root, note('loading…'));
  const [a] = await Promise.all([get('/api/articles/' + encodeURIComponent(id)), loadWorld()]);
  if (a.error) return fill(root, card('Article', 'article-missing', note(a.error)));
  const raw = a.article || {};
  const spans = spansOf(a);
  const body = highlighted(raw.body || '', spans);
  const href = safeHref(raw.url);
  const legend = el('p', { class: 'legend' }, Object.entries(KINDS).map(([k, label]) =>
    el('span', { class: 'k-' + k }, `${label} ${spans.filter(s => s.kind === k).length}`)));
  fill(root, el('article', { class: 'card wide article', id: 'article', 'data-ready': '1' },
    el('h1', { id: 'article-title' }, raw.title || id),
    el('p', { class: 'muted' }, [raw.source, raw.publishedAt ? 'published ' + when(raw.publishedAt) : 'no publication date',
      'enriched ' + when(a.enrichedAt), a.language, a.truncated ? 'record truncated to fit' : null].filter(Boolean).join(' · '), ' ',
    href ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, 'original') : raw.url ? el('span', { class: 'muted' }, raw.url) : null),
    legend, el('div', { class: 'grid article-grid' }, body,
      el('aside', {}, el('h2', {}, 'Events'), eventList(a, body), tagList(a)))));
  return {};
}
