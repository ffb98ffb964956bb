// The speaker page: their stance week by week (a chart and the same numbers as a table) and their latest quotes.
import {el, clear} from './dom.js';
import {speakerStance, searchQuotes} from './api.js';
import {renderHit} from './search.js';
import {stanceChart, score, LABELS} from './chart.js';

export async function showSpeaker(view, name) {
  const quotesParams = new URLSearchParams({speaker: name, size: '10'});
  const [stance, latest] = await Promise.all([speakerStance(name), searchQuotes(quotesParams)]);
  document.title = name + ' · Stancewire';
  const all = new URLSearchParams({speaker: name});
  const chart = el('div', {class: 'chart', id: 'stance-chart'});

  clear(view).append(el('article', {class: 'speaker-page', id: 'speaker', 'data-speaker': name},
    el('h1', {id: 'speaker-name', dir: 'auto'}, name),
    el('p', {}, el('strong', {}, String(latest.total)), ' quotes · ',
      el('a', {href: '/?' + all.toString(), id: 'speaker-search'}, 'search all of them')),
    el('h2', {}, 'Stance over time (quotes per week)'),
    stance.weeks.length ? chart : el('p', {class: 'empty'}, 'No quotes with a date.'),
    weeksTable(stance.weeks),
    el('h2', {}, 'Latest quotes'),
    el('ol', {class: 'results', id: 'results'}, latest.hits.map(renderHit))));
  if (stance.weeks.length) stanceChart(chart, stance.weeks);
}

function weeksTable(weeks) {
  return el('details', {class: 'weeks'},
    el('summary', {}, 'the numbers'),
    el('table', {id: 'weeks'},
      el('thead', {}, el('tr', {}, el('th', {}, 'week of'), el('th', {}, 'quotes'), LABELS.map(l => el('th', {}, l)), el('th', {}, 'score'))),
      el('tbody', {}, weeks.map(w => el('tr', {},
        el('td', {}, w.week), el('td', {}, String(w.total)),
        LABELS.map(l => el('td', {}, String(w.counts[l] || 0))),
        el('td', {}, score(w).toFixed(2)))))));
}
