// The alerts page: the caller's subscriptions with how their deliveries went, a form for a new one (filled in from
// the search it was opened from) and delete. The API key names the owner; it stays in this tab (sessionStorage),
// never in the address, and goes only to this server, which forwards it to the alerts API.
import {el, clear, formatDateTime} from './dom.js';
import {alertsApi, filtersOf} from './api.js';

const KEY_STORE = 'stancewire.apiKey';
const KINDS = [['quote', 'every matching quote'], ['shift', 'a speaker changes sides'], ['spike', 'a surge of matching quotes']];
const LABELS = ['FAVOR', 'AGAINST', 'NEUTRAL', 'NONE'];

export async function showAlerts(view) {
  document.title = 'Alerts · Stancewire';
  const page = el('article', {class: 'alerts-page', id: 'alerts'}, el('h1', {}, 'Alerts'));
  clear(view).append(page);
  const key = sessionStorage.getItem(KEY_STORE);
  if (!key) {
    page.append(keyForm(view));
    return;
  }
  let subscriptions;
  let deliveries;
  try {
    [subscriptions, deliveries] = await Promise.all([
      alertsApi('GET', 'subscriptions', key), alertsApi('GET', 'deliveries', key)]);
  } catch (error) {
    if (error.code === 'alerts-off') {
      page.append(el('p', {class: 'empty', id: 'alerts-off'}, error.message));
      return;
    }
    if (error.status === 401) {
      sessionStorage.removeItem(KEY_STORE);
      page.append(keyForm(view, error.message));
      return;
    }
    throw error;
  }
  const forget = el('button', {type: 'button', id: 'forget-key'}, 'Forget the API key');
  forget.addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORE);
    showAlerts(view);
  });
  page.append(
    el('p', {class: 'muted'}, 'Signed in with an API key for this tab. ', forget),
    subscriptionTable(view, key, subscriptions, deliveries),
    newAlertForm(view, key, filtersOf(location.search)));
}

function keyForm(view, problem) {
  const input = el('input', {id: 'api-key', type: 'password', required: true, autocomplete: 'off',
    'aria-label': 'API key', placeholder: 'API key (from the owners file)'});
  const form = el('form', {id: 'key-form', class: 'key-form'},
    el('p', {}, 'Alerts belong to an owner, named by their API key.'),
    problem ? el('p', {class: 'error', id: 'key-error'}, problem) : null,
    input, ' ', el('button', {type: 'submit', id: 'use-key'}, 'Use this key'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORE, input.value.trim());
    showAlerts(view);
  });
  return form;
}

function subscriptionTable(view, key, subscriptions, deliveries) {
  if (!subscriptions.length) return el('p', {class: 'empty', id: 'no-alerts'}, 'No alerts yet.');
  const status = new Map(deliveries.map(d => [d.subscriptionId, d]));
  return el('table', {id: 'alert-list'},
    el('thead', {}, el('tr', {}, ['name', 'when', 'matching', 'delivered to', 'deliveries', 'created', ''].map(h => el('th', {}, h)))),
    el('tbody', {}, subscriptions.map(s => {
      const remove = el('button', {type: 'button', class: 'delete'}, 'Delete');
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        await alertsApi('DELETE', 'subscriptions/' + encodeURIComponent(s.id), key);
        await showAlerts(view);
      });
      return el('tr', {'data-id': s.id},
        el('td', {class: 'alert-name'}, s.name || s.id),
        el('td', {}, s.kind),
        el('td', {class: 'alert-match'}, describe(s)),
        el('td', {}, [s.webhookUrl ? 'webhook ' + s.webhookUrl : null, s.kafkaTopic ? 'Kafka topic ' + s.kafkaTopic : null]
          .filter(Boolean).join('; ')),
        el('td', {class: 'alert-deliveries'}, deliveryText(status.get(s.id))),
        el('td', {}, formatDateTime(s.createdAt)),
        el('td', {}, remove));
    })));
}

function describe(s) {
  const parts = [];
  if (s.speaker) parts.push('speaker ' + s.speaker);
  if (s.organization) parts.push('organisation ' + s.organization);
  if (s.stance) parts.push('stance ' + s.stance);
  if (s.target) parts.push('target ' + s.target);
  if (s.minConfidence != null) parts.push('confidence ≥ ' + s.minConfidence);
  if (s.language) parts.push('language ' + s.language);
  if (s.query) parts.push('text ' + s.query);
  return parts.length ? parts.join(', ') : 'everything';
}

function deliveryText(d) {
  if (!d) return '';
  const text = d.delivered + ' delivered, ' + d.deadLettered + ' dead-lettered';
  return d.lastError ? text + ' (last error: ' + d.lastError + ')' : text;
}

/** The search's filters carry over: speaker, organisation, stance label and the words searched for. */
function newAlertForm(view, key, filters) {
  const field = (label, name, value, attrs = {}) =>
    el('label', {}, label, ' ', el('input', {id: 'alert-' + name, name, value: value || null, autocomplete: 'off', ...attrs}));
  const kind = el('select', {id: 'alert-kind', name: 'kind'}, KINDS.map(([value, text]) => el('option', {value}, text)));
  const stance = el('select', {id: 'alert-stance', name: 'stance'}, el('option', {value: ''}, 'any'),
    LABELS.map(l => el('option', {value: l}, l)));
  stance.value = LABELS.includes(filters.get('label')) ? filters.get('label') : '';
  const problem = el('p', {class: 'error', id: 'alert-error', role: 'alert', hidden: true});
  const form = el('form', {id: 'new-alert', class: 'new-alert'},
    el('h2', {}, 'New alert'),
    field('Name', 'name', defaultName(filters), {required: true, maxlength: '120'}),
    el('label', {}, 'When ', kind),
    field('Speaker', 'speaker', filters.get('speaker')),
    field('Organisation', 'organization', filters.get('organisation')),
    el('label', {}, 'Stance ', stance),
    field('Words (Lucene query)', 'query', filters.get('q')),
    field('Webhook URL', 'webhookUrl', null, {type: 'url', placeholder: 'https://…'}),
    field('or Kafka topic', 'kafkaTopic', null),
    problem,
    el('button', {type: 'submit', id: 'create-alert'}, 'Create alert'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const body = {};
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== '') body[name] = String(value).trim();
    }
    try {
      await alertsApi('POST', 'subscriptions', key, body);
    } catch (error) {
      problem.textContent = error.message;
      problem.hidden = false;
      return;
    }
    history.replaceState(null, '', '/console/alerts');
    await showAlerts(view);
  });
  return form;
}

function defaultName(filters) {
  const parts = [filters.get('speaker'), filters.get('organisation'), filters.get('label'), filters.get('q')].filter(Boolean);
  return parts.join(' · ');
}
