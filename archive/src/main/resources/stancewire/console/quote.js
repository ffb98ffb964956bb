// The quote page: the quote with its evidence marked, the context around it, every stance and the provenance.
import {el, clear, marked, stanceBadge, sourceLink, speakerHref, formatDateTime, percent} from './dom.js';
import {getQuote} from './api.js';

export async function showQuote(view, id) {
  const q = await getQuote(id);
  document.title = 'Quote by ' + ((q.speaker && q.speaker.name) || 'unknown') + ' · Stancewire';
  const speaker = q.speaker || {};
  const stances = q.stances && q.stances.length ? q.stances : (q.stance ? [q.stance] : []);
  const evidence = q.stance ? q.stance.evidence : [];

  clear(view).append(el('article', {class: 'quote-page', id: 'quote', 'data-id': q.id},
    el('blockquote', {class: 'quote big', lang: q.language || null, dir: 'auto', id: 'quote-text'}, marked(q.text || '', evidence, 'evidence')),
    el('p', {class: 'meta'},
      speaker.name ? el('a', {class: 'speaker', id: 'quote-speaker', href: speakerHref(speaker.name)}, speaker.name) : 'unknown speaker',
      speaker.role ? el('span', {class: 'role'}, speaker.role) : null,
      speaker.affiliation ? el('span', {class: 'affiliation'}, speaker.affiliation) : null,
      stanceBadge(q.stance)),

    el('h2', {}, 'Context'),
    el('p', {class: 'context', id: 'quote-context', lang: q.language || null, dir: 'auto'}, marked(q.context || '', [q.text], 'in-context')),

    el('h2', {}, 'Stance'),
    el('table', {class: 'stances', id: 'stances'},
      el('thead', {}, el('tr', {}, el('th', {}, 'target'), el('th', {}, 'stance'), el('th', {}, 'confidence'), el('th', {}, 'evidence'))),
      el('tbody', {}, stances.map(s => el('tr', {},
        el('td', {}, s.target), el('td', {}, stanceBadge(s)), el('td', {}, percent(s.confidence)),
        el('td', {}, (s.evidence || []).map((e, i) => [i ? ', ' : '', el('q', {}, e)])))))),

    el('h2', {}, 'Provenance'),
    el('dl', {class: 'provenance-list', id: 'provenance'},
      row('article', el('span', {id: 'article-title', dir: 'auto'}, q.title || '')),
      row('source', q.url ? sourceLink(q.url) : ''),
      row('outlet', q.outlet),
      row('published', formatDateTime(q.publishedAt)),
      row('indexed', formatDateTime(q.indexedAt)),
      row('speaker mention', speaker.mention ? speaker.mention.text + ' (' + speaker.mention.begin + '–' + speaker.mention.end + ')' : ''),
      row('attributed by', [q.cue || '', q.kind ? ' (' + q.kind + ' quote)' : '']),
      row('language', q.language),
      row('offsets in the article', q.begin + '–' + q.end),
      row('article id', q.articleId),
      row('quote id', q.id),
      row('as JSON', el('a', {href: '/api/quotes/' + encodeURIComponent(q.id)}, '/api/quotes/' + q.id)))));
}

function row(name, value) {
  return [el('dt', {}, name), el('dd', {}, value === null || value === undefined ? '' : value)];
}
