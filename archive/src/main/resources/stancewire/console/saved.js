// Saved searches. A search is its address, so saving one keeps its filters under a name. They live in this browser
// (localStorage): the console has no accounts, and an archive served on 127.0.0.1 has one user per browser.
import {filtersOf} from './api.js';
import {el} from './dom.js';

const KEY = 'stancewire.savedSearches';
const MAX_SAVED = 50;

/** [{name, query}], newest first; an unreadable entry (edited by hand, another version) is dropped, not fatal. */
export function savedSearches(storage = window.localStorage) {
  let entries;
  try {
    entries = JSON.parse(storage.getItem(KEY) || '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(entries)) return [];
  return entries
    .filter(e => e && typeof e.name === 'string' && e.name.trim() !== '' && typeof e.query === 'string')
    .map(e => ({name: e.name, query: filtersOf(e.query).toString()}))
    .filter(e => e.query !== '');
}

/** Saving under a name already used replaces that search, so a name always means one search. */
export function saveSearch(name, filters, storage = window.localStorage) {
  const trimmed = name.trim();
  const query = filtersOf(filters.toString()).toString();
  if (trimmed === '' || query === '') return savedSearches(storage);
  const entries = [{name: trimmed, query}, ...savedSearches(storage).filter(e => e.name !== trimmed)].slice(0, MAX_SAVED);
  storage.setItem(KEY, JSON.stringify(entries));
  return entries;
}

export function removeSearch(name, storage = window.localStorage) {
  const entries = savedSearches(storage).filter(e => e.name !== name);
  storage.setItem(KEY, JSON.stringify(entries));
  return entries;
}

/** The side panel's "Saved searches": links, a remove button each, and a form to save the current search. */
export function renderSaved(filters) {
  const section = el('section', {class: 'facet saved', id: 'saved-searches', 'data-facet': 'saved'});
  const list = el('ul', {id: 'saved-list'});
  const fill = entries => {
    list.replaceChildren(...entries.map(e => {
      const remove = el('button', {type: 'button', class: 'remove', title: 'Forget this search',
        'aria-label': 'Forget ' + e.name}, '×');
      remove.addEventListener('click', () => fill(removeSearch(e.name)));
      return el('li', {'data-name': e.name}, el('a', {href: '/?' + e.query, title: e.query}, e.name), remove);
    }));
    if (!entries.length) list.append(el('li', {class: 'empty'}, 'none yet'));
  };
  fill(savedSearches());
  section.append(el('h3', {}, 'Saved searches'), list);
  if (filters.toString() !== '') {
    const name = el('input', {id: 'save-name', name: 'name', required: true, maxlength: '80',
      placeholder: 'Name this search', 'aria-label': 'Name of the saved search', autocomplete: 'off'});
    const form = el('form', {id: 'save-search', class: 'save-search'}, name,
      el('button', {type: 'submit', id: 'save-button'}, 'Save'));
    form.addEventListener('submit', event => {
      event.preventDefault();
      fill(saveSearch(name.value, filters));
      name.value = '';
    });
    section.append(form);
  }
  return section;
}
