// The pipeline panel: throughput, lag, dead letters, last article, stall. Polled every few seconds by main.js;
// the compact form sits on every page's header, the full one at #/health.
import { el, fill, card, note, num, ago, when } from '../dom.js';
import { get } from '../api.js';
import { pageLink } from '../state.js';

export async function pipeline() {
  return get('/api/pipeline');
}

export function headerStatus(p) {
  const pill = document.getElementById('pipeline-pill');
  const stall = document.getElementById('stall');
  if (p.error) {
    fill(pill, 'pipeline: unknown');
    pill.className = 'pill warn';
    stall.hidden = true;
    return;
  }
  const dead = p.deadLetters ? p.deadLetters.count : 0;
  fill(pill, el('a', { href: pageLink('health') }, p.stalled ? 'pipeline STALLED' : `pipeline ok · last article ${ago(p.lastArticleAt)}${dead ? ` · ${num(dead)} dead letters` : ''}`));
  pill.className = 'pill ' + (p.stalled ? 'bad' : dead ? 'warn' : 'ok');
  stall.hidden = !p.stalled;
  if (p.stalled) fill(stall, 'The pipeline has stalled: ', p.stallReason || 'no progress', '. ', el('a', { href: pageLink('health') }, 'details'));
}

function lagTable(rows) {
  if (!rows.length) return note('no consumer group has committed offsets yet');
  return el('table', { class: 'lag' }, el('thead', {}, el('tr', {}, el('th', {}, 'group'), el('th', {}, 'topic'), el('th', {}, 'partition'), el('th', {}, 'lag (records)'))),
    el('tbody', {}, rows.map(r => el('tr', { class: r.lag > 0 ? 'behind' : null }, el('td', {}, r.group), el('td', {}, r.topic), el('td', {}, String(r.partition)), el('td', { class: 'n' }, num(r.lag))))));
}

export function deadLetterList(d, limit) {
  if (!d || !d.latest || !d.latest.length) return note('no dead letters');
  return el('ul', { class: 'dead', id: 'dead-letters' }, d.latest.slice(0, limit).map(x => el('li', {},
    el('a', { href: pageLink('dead-letter', String(x.partition), String(x.offset)) }, `${x.partition}@${x.offset}`), ' ',
    el('span', { class: 'stage' }, x.stage || '?'), ' ', el('span', { class: 'reason' }, x.reason || '(no reason)'),
    el('span', { class: 'muted small' }, ' ' + ago(x.at)))));
}

/** The health content for p (one snapshot of /api/pipeline). */
export function healthCards(p, full) {
  if (p.error) return [card('Pipeline', 'health-card', note('pipeline health unavailable: ' + p.error))];
  const t = p.throughput || {};
  const kpi = (v, label, id) => el('div', { class: 'kpi' }, el('b', { id }, v), el('span', {}, label));
  const lagTotal = (p.lag || []).reduce((s, r) => s + r.lag, 0);
  return [
    card('Pipeline', 'health-card', el('div', { class: 'kpis' },
      kpi(p.stalled ? 'stalled' : p.starting ? 'starting' : 'flowing', p.stalled ? p.stallReason : 'state', 'pipeline-state'),
      kpi(`${num(t.ingest)} / ${num(t.enrich)} / ${num(t.sink)}`, 'records per minute: ingest / enrich / sink'),
      kpi(`${num(p.endToEndLagSeconds)} s`, 'end-to-end lag (oldest waiting record)'),
      kpi(num(lagTotal), 'records waiting (consumer lag)'),
      kpi(ago(p.lastArticleAt), 'last article stored'),
      kpi(num(p.deadLetters ? p.deadLetters.count : 0), 'dead letters', 'dead-count')),
    el('h3', {}, 'Latest dead letters'), deadLetterList(p.deadLetters, full ? 20 : 5),
    full ? [el('h3', {}, 'Consumer lag per group and partition'), lagTable(p.lag || [])] : null,
    el('p', { class: 'muted small' }, `measured from the broker at ${when(p.sampledAt)}`)),
  ];
}

export async function healthPage(root) {
  const box = el('div', { id: 'health' });
  fill(root, box);
  const refresh = async () => fill(box, healthCards(await pipeline(), true));
  await refresh();
  return { refresh };
}

export async function deadLetterPage(root, partition, offset) {
  const d = await get(`/api/pipeline/dead-letters/${encodeURIComponent(partition)}/${encodeURIComponent(offset)}`);
  if (d.error) return fill(root, card('Dead letter', 'dead-letter', note(d.error)));
  fill(root, card(`Dead letter ${d.partition}@${d.offset}`, 'dead-letter',
    el('p', {}, el('b', {}, d.stage || '?'), ': ', el('span', { id: 'dead-reason' }, d.reason)),
    el('p', { class: 'muted' }, `${when(d.at)} · key ${d.key ?? '(none)'} · ${num(d.bytes)} bytes${d.truncated ? ' (shown cut)' : ''}`),
    el('table', { class: 'lag' }, el('tbody', {}, Object.entries(d.headers || {}).map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))))),
    el('h3', {}, 'Value'), el('pre', { class: 'value', id: 'dead-value' }, d.value)));
  return {};
}
