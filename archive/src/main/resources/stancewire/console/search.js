// The search page: result list with highlighted quotes, facets, saved searches, paging and export of the whole result.
import {el, clear, highlighted, stanceBadge, sourceLink, speakerHref, quoteHref, formatDate} from './dom.js';
import {searchQuotes, exportHref} from './api.js';
import {renderSaved} from './saved.js';

const PAGE_SIZE = 20;

/** One quote in a result list. */
export function renderHit(hit) {
  const q = hit.quote;
  const speaker = q.speaker || {};
  const stance = q.stance;
  return el('li', {class: 'hit', 'data-id': q.id},
    el('blockquote', {class: 'quote', lang: q.language || null, dir: 'auto'}, highlighted(hit.highlight, q.text)),
    el('div', {class: 'meta'},
      speaker.name ? el('a', {class: 'speaker', href: speakerHref(speaker.name)}, speaker.name) : el('span', {class: 'speaker'}, 'unknown speaker'),
      speaker.affiliation ? el('span', {class: 'affiliation'}, speaker.affiliation) : null,
      stanceBadge(stance),
      stance && stance.evidence && stance.evidence.length
        ? el('span', {class: 'evidence'}, 'evidence: ', stance.evidence.map((e, i) => [i ? ', ' : '', el('q', {}, e)]))
        : null),
    el('div', {class: 'provenance'},
      el('span', {class: 'outlet'}, q.outlet || ''),
      el('time', {class: 'date', datetime: q.publishedAt || null}, formatDate(q.publishedAt)),
      el('span', {class: 'title', dir: 'auto'}, q.title || ''),
      el('a', {class: 'open', href: quoteHref(q.id)}, 'context and source'),
      q.url ? sourceLink(q.url, 'article') : null));
}

export async function showSearch(view, filters, onData) {
  const params = new URLSearchParams(filters);
  params.set('size', String(PAGE_SIZE));
  const [page, speakers] = await Promise.all([searchQuotes(params), speakersNamed(filters)]);
  onData(page);

  const results = el('ol', {id: 'results', class: 'results'}, page.hits.map(renderHit));
  const more = el('button', {id: 'more', type: 'button', hidden: !page.next}, 'More');
  let next = page.next;
  more.addEventListener('click', async () => {
    more.disabled = true;
    const following = new URLSearchParams(params);
    following.set('after', next);
    const nextPage = await searchQuotes(following);
    results.append(...nextPage.hits.map(renderHit));
    next = nextPage.next;
    more.hidden = !next;
    more.disabled = false;
    shown.textContent = String(results.children.length);
  });
  const shown = el('span', {id: 'shown'}, String(page.hits.length));

  clear(view).append(
    el('div', {class: 'search-layout'},
      renderFacets(page.facets, filters),
      el('section', {class: 'result-pane'},
        el('div', {class: 'summary'},
          el('span', {}, el('strong', {id: 'total'}, String(page.total)), ' quotes', describe(filters), ' · showing ', shown),
          el('span', {class: 'export'}, 'Export all ', String(page.total), ': ',
            el('a', {id: 'export-csv', class: 'button', href: exportHref(filters, 'csv'), download: ''}, 'CSV'), ' ',
            el('a', {id: 'export-jsonl', class: 'button', href: exportHref(filters, 'jsonl'), download: ''}, 'JSON Lines'), ' ',
            el('a', {id: 'alert-me', class: 'button', href: '/console/alerts' + (filters.toString() ? '?' + filters.toString() : ''),
              title: 'Be told of new quotes like these'}, 'Alert me'))),
        speakers.length ? el('p', {class: 'speaker-suggestions', id: 'speaker-suggestions'}, 'Speakers named so: ',
          speakers.map((b, i) => [i ? ' · ' : '', el('a', {class: 'speaker', href: speakerHref(b.key)}, b.key),
            ' (', el('a', {href: '/?' + new URLSearchParams({speaker: b.key}).toString()}, b.count + ' quotes'), ')'])) : null,
        page.total === 0 ? el('p', {class: 'empty'}, 'No quote matches. Remove a filter or search for fewer words.') : results,
        more)));
}

/**
 * The full text covers what was said, not who said it, so "Triolo" misses his quotes whose context names him in
 * another script. Speakers whose name has a word of the search are offered instead: from the archive's speaker
 * facet, so among its most quoted speakers only.
 */
async function speakersNamed(filters) {
  const q = filters.get('q');
  if (!q || filters.has('speaker')) return [];
  const words = q.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(w => w.length >= 3);
  if (!words.length) return [];
  const all = await searchQuotes(new URLSearchParams({size: '1'}));
  return (all.facets ? all.facets.speakers : [])
    .filter(b => words.some(w => b.key.toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).includes(w)));
}

function describe(filters) {
  const parts = [];
  for (const [name, value] of filters) parts.push(name + ': ' + value);
  return parts.length ? ' for ' + parts.join(', ') : '';
}

function renderFacets(facets, filters) {
  const aside = el('aside', {class: 'facets', id: 'facets'}, renderSaved(filters));
  if (!facets) return aside;
  aside.append(
    facetList('Stance', 'label', facets.labels, filters),
    facetList('Speakers', 'speaker', facets.speakers, filters),
    facetList('Outlets', 'outlet', facets.outlets, filters),
    dayList(facets.days, filters));
  return aside;
}

function facetList(title, param, buckets, filters) {
  const active = filters.getAll(param);
  return el('section', {class: 'facet', 'data-facet': param},
    el('h3', {}, title),
    el('ul', {}, (buckets || []).map(b => {
      const chosen = active.includes(b.key);
      const target = new URLSearchParams(filters);
      if (chosen) target.delete(param); else target.set(param, b.key);
      return el('li', {class: chosen ? 'chosen' : null},
        el('a', {href: '/?' + target.toString(), class: param === 'label' ? 'stance-' + b.key.toLowerCase() : null}, b.key),
        ' ', el('span', {class: 'count'}, String(b.count)));
    })));
}

/** The busiest days, newest first; a click narrows the result to that day. */
function dayList(days, filters) {
  const recent = (days || []).slice(-14).reverse();
  return el('section', {class: 'facet', 'data-facet': 'day'},
    el('h3', {}, 'Days'),
    el('ul', {}, recent.map(d => {
      const target = new URLSearchParams(filters);
      target.set('from', d.key);
      target.set('to', d.key);
      return el('li', {}, el('a', {href: '/?' + target.toString()}, d.key), ' ', el('span', {class: 'count'}, String(d.count)));
    })));
}
