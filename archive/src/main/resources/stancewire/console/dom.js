// Building the page from archive data. Everything that comes from an article (quote, title, speaker, URL) enters the
// DOM only as text or through a checked attribute: never as markup. There is deliberately no innerHTML in the console.

/**
 * el('a', {href: '/x', class: 'y'}, 'text', child) — strings become text nodes, null/undefined/false are skipped,
 * arrays are flattened.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) throw new Error('event handlers are attached with addEventListener, not ' + name);
    if (name === 'href' && !isSafeHref(String(value))) throw new Error('refusing href ' + value);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Same-origin paths, and absolute http(s) links; a javascript:, data: or odd URL from an article is no link. */
export function isSafeHref(href) {
  if (href.startsWith('/') && !href.startsWith('//')) return true;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A link to an article's source, or just its text when the URL is not http(s). */
export function sourceLink(url, text) {
  if (url && isSafeHref(url) && !url.startsWith('/')) {
    return el('a', {href: url, class: 'source-link', rel: 'noopener noreferrer nofollow', target: '_blank'}, text || url);
  }
  return el('span', {class: 'source-link unsafe', title: 'not an http(s) link'}, url || '');
}

/**
 * Elasticsearch's highlight: the quote's raw text with <em>…</em> around the matched words. Only those tags are read;
 * the rest is text, so a quote that itself contains markup shows that markup as characters.
 */
export function highlighted(highlight, fallback) {
  const span = el('span', {class: 'quote-text'});
  if (!highlight) {
    span.append(fallback || '');
    return span;
  }
  const parts = highlight.split(/<em>|<\/em>/);
  parts.forEach((part, i) => {
    if (part === '') return;
    span.append(i % 2 === 1 ? el('mark', {}, part) : document.createTextNode(part));
  });
  return span;
}

/** {@code text} with each occurrence of the given phrases marked (case-insensitive), e.g. evidence in a quote. */
export function marked(text, phrases, className) {
  const span = el('span');
  const wanted = (phrases || []).filter(p => p && p.trim().length > 0).map(p => p.toLocaleLowerCase());
  const lower = text.toLocaleLowerCase();
  let at = 0;
  while (at < text.length) {
    let best = -1;
    let bestLength = 0;
    for (const phrase of wanted) {
      const found = lower.indexOf(phrase, at);
      if (found >= 0 && (best < 0 || found < best || (found === best && phrase.length > bestLength))) {
        best = found;
        bestLength = phrase.length;
      }
    }
    if (best < 0 || lower.length !== text.length) break; // lower-casing changed lengths: no safe offsets
    if (best > at) span.append(text.slice(at, best));
    span.append(el('mark', {class: className}, text.slice(best, best + bestLength)));
    at = best + bestLength;
  }
  if (at < text.length) span.append(text.slice(at));
  return span;
}

export function formatDate(iso) {
  if (!iso) return '';
  return iso.slice(0, 10);
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z').replace(/:\d\dZ$/, ' UTC').replace(/Z$/, ' UTC');
}

export function percent(confidence) {
  return typeof confidence === 'number' ? Math.round(confidence * 100) + '%' : '';
}

export function stanceBadge(stance) {
  if (!stance) return el('span', {class: 'stance stance-unknown'}, 'no stance');
  return el('span', {class: 'stance stance-' + String(stance.label).toLowerCase(), title: 'target: ' + stance.target},
    el('span', {class: 'stance-label'}, stance.label), ' ',
    el('span', {class: 'stance-confidence'}, percent(stance.confidence)));
}

export function speakerHref(name) {
  return '/console/speakers/' + encodeURIComponent(name);
}

export function quoteHref(id) {
  return '/console/quotes/' + encodeURIComponent(id);
}

export function clear(node) {
  node.replaceChildren();
  return node;
}
