// ECharts (served from its WebJar) for the map and the trends; plain HTML bars for the top lists. SVG renderer:
// crisp at any zoom, and each country is an element a test can count.
import { el, escapeHtml, num, fill } from './dom.js';

/** Conflict to cooperation, diverging orange-purple (ColorBrewer PuOr): tells apart for the common colour blindnesses. */
export const INTENSITY = ['#b35806', '#e08214', '#fdb863', '#f7f7f7', '#b2abd2', '#8073ac', '#542788'];
const ARTICLES = ['#deebf7', '#9ecae1', '#4292c6', '#08519c', '#08306b'];
export const QUAD = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };
const QUAD_COLOR = { 1: '#8073ac', 2: '#542788', 3: '#e08214', 4: '#b35806' };

let world = null;
export const countryNames = new Map();

export async function loadWorld() {
  if (world) return world;
  const res = await fetch('world.geo.json');
  world = await res.json();
  for (const f of world.features) countryNames.set(f.properties.name, f.properties.label);
  echarts.registerMap('world', world);
  return world;
}

function css(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const charts = new Map();

/** One chart per container, kept across refreshes (setOption updates in place: no flicker). */
export function chartIn(container) {
  let c = charts.get(container.id);
  if (!c || c.getDom() !== container || c.isDisposed()) {
    if (c && !c.isDisposed()) c.dispose();
    c = echarts.init(container, null, { renderer: 'svg' });
    charts.set(container.id, c);
  }
  return c;
}

export function resizeCharts() {
  for (const c of charts.values()) if (!c.isDisposed()) c.resize();
}

/** Drops every chart (theme change: colours are read when options are built). */
export function resetCharts() {
  for (const c of charts.values()) if (!c.isDisposed()) c.dispose();
  charts.clear();
}

/**
 * items: [{code, name, articles, events, quadClass: {"1":n,...}}]; metric "articles" or "intensity"
 * (cooperation minus conflict over all events, -1..1). onPick(code) on click.
 */
export function worldMap(container, items, metric, onPick) {
  const chart = chartIn(container);
  const data = items.map(i => {
    const q = i.quadClass || {};
    const coop = (q['1'] || 0) + (q['2'] || 0);
    const conflict = (q['3'] || 0) + (q['4'] || 0);
    const value = metric === 'intensity' ? (coop + conflict ? (coop - conflict) / (coop + conflict) : null) : i.articles;
    return { name: i.code, value, raw: i, coop, conflict };
  }).filter(d => d.value !== null && d.value !== undefined);
  const max = Math.max(1, ...data.map(d => (metric === 'intensity' ? 1 : d.value)));
  chart.setOption({
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      formatter: p => {
        const d = p.data;
        const name = escapeHtml(countryNames.get(p.name) || p.name);
        if (!d) return `${name}<br>no articles in this range`;
        const i = d.raw;
        return `<b>${name}</b> (${escapeHtml(i.code)})<br>${num(i.articles)} articles<br>${num(i.events || 0)} events: `
          + `${num(d.coop)} cooperation, ${num(d.conflict)} conflict<br><i>click to filter</i>`;
      },
    },
    visualMap: metric === 'intensity'
      ? { min: -1, max: 1, left: 10, bottom: 10, text: ['cooperation', 'conflict'], calculable: false, inRange: { color: INTENSITY }, textStyle: { color: css('--fg') } }
      : { min: 0, max, left: 10, bottom: 10, text: [`${num(max)} articles`, '1'], calculable: false, inRange: { color: ARTICLES }, textStyle: { color: css('--fg') } },
    series: [{
      type: 'map', map: 'world', roam: true, zoom: 1.15, top: 10, bottom: 10,
      nameProperty: 'name', selectedMode: false, data,
      itemStyle: { areaColor: css('--map-empty'), borderColor: css('--map-border'), borderWidth: 0.5 },
      emphasis: { label: { show: false }, itemStyle: { areaColor: css('--accent') } },
    }],
  }, { replaceMerge: ['series', 'visualMap'] });
  chart.off('click');
  chart.on('click', p => p.data && onPick(p.name));
}

/** Highlights a country on the map and shows its tooltip (on), or takes both away: focus in the country table. */
export function highlightCountry(container, code, on) {
  const chart = charts.get(container.id);
  if (!chart || chart.isDisposed()) return;
  chart.dispatchAction({ type: on ? 'highlight' : 'downplay', seriesIndex: 0, name: code });
  chart.dispatchAction(on ? { type: 'showTip', seriesIndex: 0, name: code } : { type: 'hideTip' });
}

/** series: [{key, label, total, buckets: [{start, count}]}]; stacked areas for types, a line for articles. */
export function trends(container, series, unit) {
  const chart = chartIn(container);
  const stacked = series.length > 1;
  chart.setOption({
    backgroundColor: 'transparent',
    color: series.map((s, i) => QUAD_COLOR[s.key] || PALETTE[i % PALETTE.length]),
    tooltip: { trigger: 'axis', valueFormatter: v => `${num(v)} ${unit}` },
    legend: { type: 'scroll', top: 0, textStyle: { color: css('--fg') }, formatter: n => n },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'time', axisLabel: { color: css('--muted') }, axisLine: { lineStyle: { color: css('--border') } } },
    yAxis: { type: 'value', minInterval: 1, name: unit, nameTextStyle: { color: css('--muted') }, axisLabel: { color: css('--muted') }, splitLine: { lineStyle: { color: css('--border') } } },
    series: series.map(s => ({
      type: 'line', name: s.label || s.key, stack: stacked ? 'all' : undefined, areaStyle: stacked ? { opacity: 0.7 } : { opacity: 0.15 },
      // A dot on every non-empty bucket: over a long range a single busy hour would otherwise be a hairline.
      showSymbol: true, symbolSize: v => (v[1] > 0 ? 5 : 0), step: 'end', data: s.buckets.map(b => [b.start, b.count]),
    })),
  }, { replaceMerge: ['series'] });
}

const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];

/** Horizontal bars: rows [{key, label, total}], unit ("articles"/"events"), href(row) for the label link, onPick. */
export function bars(target, rows, unit, href, onPick) {
  if (!rows.length) return fill(target, el('p', { class: 'muted' }, `no ${unit} in this range`));
  const max = Math.max(...rows.map(r => r.total), 1);
  return fill(target, el('ol', { class: 'bars' }, rows.map(r => el('li', {},
    el('a', { href: href(r), class: 'bar-label', title: r.label || r.key }, r.label || r.key),
    el('button', { type: 'button', class: 'bar', title: `filter by ${r.label || r.key}`, onclick: () => onPick(r),
      style: `--w:${Math.max(2, Math.round(100 * r.total / max))}%` }),
    el('span', { class: 'n', title: `${num(r.total)} ${unit}` }, num(r.total))))));
}
