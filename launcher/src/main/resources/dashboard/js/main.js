// Router and page frame: reads the state from the URL, renders the view, keeps the filter bar, the header's
// pipeline status and the theme in step. Views return {stop, refresh}: refresh updates charts in place.
import { el, fill, note } from './dom.js';
import { extent, get } from './api.js';
import { current, timeWindow, filtersOf, withParam, go, link, FILTERS } from './state.js';
import { resizeCharts, resetCharts } from './charts.js';
import { connectLive, disconnectLive } from './articles.js';
import { setUpTokenDialog } from './auth.js';
import { overview } from './views/overview.js';
import { countryPage } from './views/country.js';
import { personPage } from './views/person.js';
import { articlePage } from './views/article.js';
import { healthPage, deadLetterPage, pipeline, headerStatus, healthCards } from './views/health.js';

const REFRESH_MS = 15000;
const HEALTH_MS = 3000;
let view = null;
let renderId = 0;

async function render() {
  const id = ++renderId;
  if (view && view.stop) view.stop();
  view = null;
  const { parts, params } = current();
  syncForm(params);
  const root = document.getElementById('view');
  const filters = filtersOf(params);
  const win = await timeWindow(params, extent);
  if (id !== renderId) return; // a newer navigation won
  const live = { ...filters };
  const [page, a, b] = parts;
  document.querySelectorAll('[data-nav]').forEach(n => n.classList.toggle('on', n.dataset.nav === (page === 'health' ? 'health' : 'overview')));
  if (page === 'country' && a) view = await countryPage(root, a.toUpperCase(), win, filters, live);
  else if (page === 'person' && a) view = await personPage(root, a, win, filters, live);
  else if (page === 'article' && a) view = await articlePage(root, a);
  else if (page === 'health') view = await healthPage(root);
  else if (page === 'dead-letter' && a && b) view = await deadLetterPage(root, a, b);
  else if (!page) view = overview(root, win, filters, live);
  else fill(root, note('no such page: ' + parts.join('/')));
  document.body.setAttribute('data-view', page || 'overview');
  if (!page) pollHealth();
}

/** The filter bar shows the URL's state; submitting it navigates (a history entry, so back undoes it). */
function syncForm(params) {
  const form = document.getElementById('filters');
  form.range.value = params.get('from') || params.get('to') ? 'all' : (params.get('range') || 'all');
  for (const k of FILTERS) if (form[k]) form[k].value = params.get(k) || '';
  const chips = document.getElementById('chips');
  const active = FILTERS.filter(k => params.get(k));
  fill(chips, active.length ? active.map(k => el('a', { class: 'chip', href: withParam(k, null), title: 'remove this filter', 'data-filter': k },
    `${k}: ${params.get(k)} ×`)) : el('span', { class: 'muted small' }, 'no filters: everything stored'));
  if (active.length > 1) chips.append(el('a', { class: 'chip clear', href: link(current().parts, new URLSearchParams(params.get('range') ? { range: params.get('range') } : {})) }, 'clear all'));
}

function submitFilters(e) {
  e.preventDefault();
  const form = e.target;
  const { parts, params } = current();
  const next = new URLSearchParams(params);
  next.delete('from'); next.delete('to');
  if (form.range.value === 'all') next.delete('range'); else next.set('range', form.range.value);
  for (const k of FILTERS) {
    if (!form[k]) continue;
    const v = form[k].value.trim();
    if (v) next.set(k, k === 'country' || k === 'eventType' ? v.toUpperCase().replace(/\s+/g, '') : v); else next.delete(k);
  }
  go(link(parts, next));
}

// ----- theme: follows prefers-color-scheme until the user picks one (kept in localStorage)
const THEMES = ['auto', 'light', 'dark'];
function applyTheme(t) {
  if (t === 'auto') document.documentElement.removeAttribute('data-theme'); else document.documentElement.setAttribute('data-theme', t);
  document.getElementById('theme').textContent = 'theme: ' + t;
}
function toggleTheme() {
  const now = localStorage.getItem('newsflow.theme') || 'auto';
  const next = THEMES[(THEMES.indexOf(now) + 1) % THEMES.length];
  localStorage.setItem('newsflow.theme', next);
  applyTheme(next);
  resetCharts();
  render();
}

async function pollHealth() {
  const p = await pipeline();
  headerStatus(p);
  const mini = document.getElementById('health-mini');
  if (mini) fill(mini, healthCards(p, false));
  const full = document.getElementById('health');
  if (full) fill(full, healthCards(p, true));
}

async function eventTypes() {
  const r = await get('/api/stats/events', { limit: 50 });
  if (r.items) fill(document.getElementById('event-types'), r.items.map(i => el('option', { value: i.key })));
}

applyTheme(localStorage.getItem('newsflow.theme') || 'auto');
document.getElementById('theme').addEventListener('click', toggleTheme);
document.getElementById('filters').addEventListener('submit', submitFilters);
document.getElementById('filters').range.addEventListener('change', e => e.target.form.requestSubmit());
window.addEventListener('hashchange', render);
window.addEventListener('resize', resizeCharts);
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => { resetCharts(); render(); });
setUpTokenDialog();
// A token was given after a 401: everything asks again with it, and the live stream reconnects with its header.
window.addEventListener('newsflow:token', () => { connectLive(); render(); pollHealth(); eventTypes(); });
// A page left for another (or kept in the back-forward cache) closes its stream: browsers allow only six connections
// to one server over HTTP/1.1, and streams left open by pages gone would hold up every later request.
window.addEventListener('pagehide', disconnectLive);
window.addEventListener('pageshow', e => { if (e.persisted) connectLive(); });
connectLive();
render();
pollHealth();
eventTypes();
setInterval(pollHealth, HEALTH_MS);
setInterval(() => view && view.refresh && view.refresh(), REFRESH_MS);
