// DOM helpers. Every piece of text from the API goes in as a text node (never innerHTML): article text is untrusted.

/** el("a", {href: "#/x", class: "c", onclick: fn}, "text", childNode, [more]) */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function fill(target, ...children) {
  target.replaceChildren();
  append(target, children);
  return target;
}

/** For ECharts tooltips, which take an HTML string: every value escaped. */
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export const num = n => (n ?? 0).toLocaleString('en-US');

export function plural(n, one, many) {
  return `${num(n)} ${n === 1 ? one : (many || one + 's')}`;
}

/** "2022-11-10 07:00 UTC"; a missing time says so instead of inventing one. */
export function when(iso, missing = 'no date') {
  if (!iso) return missing;
  const d = new Date(iso);
  if (isNaN(d)) return missing;
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function ago(iso) {
  if (!iso) return 'never';
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000);
  if (s < 90) return `${Math.round(s)} s ago`;
  if (s < 5400) return `${Math.round(s / 60)} min ago`;
  if (s < 172800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86400)} days ago`;
}

/** A link only for http(s) URLs: a javascript: or data: URL from an article is shown as text, never followed. */
export function safeHref(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch (e) {
    return null;
  }
}

export function card(title, id, ...body) {
  return el('section', { class: 'card', id }, el('h2', {}, title), ...body);
}

export function note(text) {
  return el('p', { class: 'muted' }, text);
}
