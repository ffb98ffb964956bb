// Entry point: reads the address, fills the search form from it and shows the search, a quote, a speaker or the alerts.
import {filtersOf, FILTERS} from './api.js';
import {el, clear} from './dom.js';
import {showSearch} from './search.js';
import {showQuote} from './quote.js';
import {showSpeaker} from './speaker.js';
import {showAlerts} from './alerts.js';

const view = document.getElementById('view');
const form = document.getElementById('search');
const errorBox = document.getElementById('error');

function showError(error) {
  errorBox.textContent = error && error.message ? error.message : String(error);
  errorBox.hidden = false;
  if (!view.firstChild) view.append(el('p', {class: 'empty'}, 'Nothing to show.'));
}
window.addEventListener('unhandledrejection', e => showError(e.reason));

function fillForm(filters) {
  for (const name of FILTERS) {
    const input = form.elements.namedItem(name);
    if (input) input.value = filters.get(name) || '';
  }
}

/** Only filled-in fields go into the address, so it stays short enough to read and share. */
form.addEventListener('submit', event => {
  event.preventDefault();
  const filters = filtersOf(new URLSearchParams(new FormData(form)).toString());
  location.assign('/' + (filters.toString() ? '?' + filters.toString() : ''));
});
form.elements.namedItem('label').addEventListener('change', () => form.requestSubmit());

function fillSuggestions(page) {
  const facets = page.facets;
  if (!facets) return;
  clear(document.getElementById('speaker-names')).append(...facets.speakers.map(b => el('option', {value: b.key})));
  clear(document.getElementById('outlet-names')).append(...facets.outlets.map(b => el('option', {value: b.key})));
}

async function route() {
  const path = location.pathname;
  const quote = path.match(/^\/console\/quotes\/(.+)$/);
  const speaker = path.match(/^\/console\/speakers\/(.+)$/);
  try {
    if (quote) {
      await showQuote(view, decodeURIComponent(quote[1]));
    } else if (speaker) {
      await showSpeaker(view, decodeURIComponent(speaker[1]));
    } else if (path === '/console/alerts') {
      await showAlerts(view);
    } else {
      const filters = filtersOf(location.search);
      fillForm(filters);
      await showSearch(view, filters, fillSuggestions);
    }
    document.body.dataset.ready = 'true';
  } catch (error) {
    showError(error);
    document.body.dataset.ready = 'error';
  }
}

route();
