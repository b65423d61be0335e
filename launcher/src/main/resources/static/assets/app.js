// The dashboard: sign-in, navigation, the point in time of the views, live updates.

import {getJson, signIn, signOut, signedIn, username, ApiError} from './api.js';
import {h} from './dom.js';
import {t, label, instant, date, setLanguage, language, onLanguageChange, translate} from './i18n.js';
import {LiveUpdates} from './live.js';
import {savingsView} from './views/savings.js';
import {partnersView, partnerView} from './views/partners.js';
import {agreementsView, agreementView} from './views/agreements.js';
import {auditListView, auditView} from './views/audit.js';

const $ = id => document.getElementById(id);
const main = $('main');

const state = {
  asOf: null, // ISO instant: every view as recorded then
  on: null, // ISO date: services and agreements on this business date
  view: null,
  params: {},
  data: null,
  key: null,
  mode: null,
  loginError: null,
};

const ROUTES = [
  [/^#\/savings(?:\/(\d{4}))?$/, savingsView, m => ({year: m[1]})],
  [/^#\/partners$/, partnersView, () => ({})],
  [/^#\/partners\/([^/]+)$/, partnerView, m => ({id: decodeURIComponent(m[1])})],
  [/^#\/agreements$/, agreementsView, () => ({})],
  [/^#\/agreements\/([^/]+)$/, agreementView, m => ({id: decodeURIComponent(m[1])})],
  [/^#\/audit$/, auditListView, () => ({})],
  [/^#\/audit\/([^/]+)$/, auditView, m => ({id: decodeURIComponent(m[1])})],
];

function resolve(hash) {
  for (const [pattern, view, params] of ROUTES) {
    const match = pattern.exec(hash);
    if (match) return {view, params: params(match)};
  }
  return {view: savingsView, params: {}};
}

const ctx = {
  get asOf() { return state.asOf; },
  get on() { return state.on; },
  navigate(hash) {
    if (location.hash === hash) show({focus: true});
    else location.hash = hash;
  },
  setAsOf(iso) {
    state.asOf = iso;
    syncTimeForm();
    show({focus: true});
  },
};

function announce(message) {
  const announcer = $('announcer');
  announcer.textContent = '';
  // a fresh text node after a tick is announced even when the text repeats
  setTimeout(() => { announcer.textContent = message; }, 50);
}

// ---- live updates -------------------------------------------------------------------------

const live = new LiveUpdates({
  onMode(mode) {
    state.mode = mode;
    renderLiveStatus();
  },
  async onChange(envelopes) {
    if (!signedIn() || state.asOf) return;
    const changed = await show({quiet: true});
    if (!changed) return;
    if (envelopes.length === 1) {
      announce(t('live.event', {type: label(envelopes[0].type)}));
    } else if (envelopes.length > 1) {
      announce(t('live.events', {count: envelopes.length}));
    } else {
      announce(t('live.updated'));
    }
  },
});

function renderLiveStatus() {
  const status = $('live-status');
  if (!signedIn()) {
    status.textContent = '';
    return;
  }
  let key = {
    connecting: 'live.connecting', stream: 'live.stream', polling: 'live.polling',
    'polling-forbidden': 'live.pollingForbidden',
  }[state.mode] || 'live.connecting';
  if (state.asOf) key = 'live.paused';
  status.textContent = t(key);
  status.dataset.mode = state.asOf ? 'paused' : (state.mode || 'connecting');
}

// ---- the point in time ---------------------------------------------------------------------

function pad(n, width = 2) {
  return String(n).padStart(width, '0');
}

/** An instant as the value of a datetime-local input, in the reader's time zone. */
function toLocalInput(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${
    pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** A datetime-local value (the reader's time zone) as an ISO instant, or null. */
function fromLocalInput(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function syncTimeForm() {
  $('as-of').value = state.asOf ? toLocalInput(state.asOf) : '';
  $('on').value = state.on || '';
  $('time-error').hidden = true;
  const banner = $('time-banner');
  const parts = [];
  if (state.asOf) parts.push(t('time.banner', {asOf: instant(state.asOf)}));
  if (state.on) parts.push(t('time.bannerOn', {on: date(state.on)}));
  banner.textContent = parts.join(' ');
  banner.hidden = parts.length === 0;
  banner.dataset.asOf = state.asOf || '';
  renderLiveStatus();
}

$('time-form').addEventListener('submit', event => {
  event.preventDefault();
  const asOfValue = $('as-of').value;
  const asOf = fromLocalInput(asOfValue);
  const on = $('on').value || null;
  if ((asOfValue && !asOf) || (on && !/^\d{4}-\d{2}-\d{2}$/.test(on))) {
    $('time-error').textContent = t('time.invalid');
    $('time-error').hidden = false;
    return;
  }
  state.asOf = asOf;
  state.on = on;
  syncTimeForm();
  show({focus: true});
});

$('time-now').addEventListener('click', () => {
  state.asOf = null;
  state.on = null;
  syncTimeForm();
  show({focus: true});
});

// ---- rendering ----------------------------------------------------------------------------

let renderToken = 0;

function focusables(root) {
  return [...root.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')];
}

function markNavigation(view) {
  const section = {
    savings: 'savings', partners: 'partners', partner: 'partners', agreements: 'agreements',
    agreement: 'agreements', audit: 'audit', 'audit-agreement': 'audit',
  }[view.route];
  document.querySelectorAll('#nav a').forEach(a => {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
}

function problem(error) {
  if (error instanceof ApiError) {
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return `${t('error.notFound')} ${error.message}`;
    return `${t('error.generic', {status: error.status})} ${error.code || ''} ${error.message}`.trim();
  }
  return t('login.unreachable');
}

/**
 * Loads and draws the view the address names. quiet: a refresh in place (live update or
 * poll), drawn only when the data changed, keeping the keyboard focus where it was. Returns
 * whether it drew.
 */
async function show({quiet = false, focus = false} = {}) {
  if (!signedIn()) {
    renderLogin();
    return false;
  }
  const token = ++renderToken;
  const {view, params} = resolve(location.hash);
  markNavigation(view);
  if (!quiet) {
    main.setAttribute('aria-busy', 'true');
    main.replaceChildren(h('p', {class: 'loading'}, t('loading')));
  }
  try {
    const data = await view.load(params, ctx);
    if (token !== renderToken || !signedIn()) return false;
    const key = JSON.stringify(data);
    if (quiet && key === state.key && view === state.view) return false;
    state.view = view;
    state.params = params;
    state.data = data;
    state.key = key;
    draw({quiet, focus});
    if (!quiet) announce(t('loaded', {view: view.title(data, params)}));
    return true;
  } catch (error) {
    if (token !== renderToken) return false;
    if (error instanceof ApiError && error.status === 401) {
      endSession(t('error.session'));
      return false;
    }
    if (quiet) return false;
    state.view = view;
    state.data = null;
    state.key = null;
    main.replaceChildren(h('div', {class: 'view error-view'},
      h('h1', {tabindex: '-1'}, view.title(null, params)),
      h('p', {class: 'alert', role: 'alert', id: 'view-error'}, problem(error))));
    document.title = `${view.title(null, params)} – ${t('app.title')}`;
    if (focus) main.querySelector('h1').focus();
    return false;
  } finally {
    if (token === renderToken) main.removeAttribute('aria-busy');
  }
}

/** Draws the loaded view again (after a change of data or language). */
function draw({quiet = false, focus = false} = {}) {
  const {view, params, data} = state;
  const before = focusables(main);
  const active = document.activeElement;
  const index = main.contains(active) ? before.indexOf(active) : -1;
  const activeId = main.contains(active) ? active.id : null;
  main.replaceChildren(view.render(data, params, ctx));
  document.title = `${view.title(data, params)} – ${t('app.title')}`;
  if (focus) {
    main.querySelector('h1')?.focus();
  } else if (quiet || index >= 0) {
    const target = (activeId && document.getElementById(activeId)) || focusables(main)[index];
    if (target && index >= 0) target.focus({preventScroll: true});
  }
}

// ---- sign-in ------------------------------------------------------------------------------

function renderShell() {
  const inside = signedIn();
  $('nav').hidden = !inside;
  $('time-form').hidden = !inside;
  $('logout').hidden = !inside;
  $('user').hidden = !inside;
  $('user').textContent = inside ? t('loggedInAs', {user: username()}) : '';
  if (!inside) $('time-banner').hidden = true;
  renderLiveStatus();
}

function renderLogin() {
  renderShell();
  markNavigation({route: 'none'});
  const error = state.loginError;
  const view = h('div', {class: 'view login card'},
    h('h1', {tabindex: '-1', id: 'login-heading'}, t('login.heading')),
    h('p', null, t('login.intro')),
    error ? h('p', {class: 'alert', role: 'alert', id: 'login-error'}, error) : null,
    h('form', {id: 'login-form', novalidate: true, 'aria-labelledby': 'login-heading', onsubmit: login},
      h('div', {class: 'field'},
        h('label', {for: 'username'}, t('login.username')),
        h('input', {id: 'username', name: 'username', autocomplete: 'username', required: true,
          autocapitalize: 'none', spellcheck: 'false'})),
      h('div', {class: 'field'},
        h('label', {for: 'password'}, t('login.password')),
        h('input', {id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true})),
      h('button', {type: 'submit', id: 'login-submit'}, t('login.submit'))));
  main.replaceChildren(view);
  document.title = `${t('login.heading')} – ${t('app.title')}`;
}

async function login(event) {
  event.preventDefault();
  const form = event.target;
  const name = form.elements.username.value.trim();
  const password = form.elements.password.value;
  form.elements.password.value = '';
  signIn(name, password);
  try {
    await getJson('api/partners');
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) {
      signOut();
      state.loginError = error instanceof ApiError && error.status === 401 ? t('login.failed') : t('login.unreachable');
      renderLogin();
      $('username').value = name;
      $('password').focus();
      return;
    }
    // 403: signed in, but the role reads no views (an integrator); each view says so
  }
  state.loginError = null;
  renderShell();
  syncTimeForm();
  live.start();
  if (!location.hash || location.hash === '#') location.hash = '#/savings';
  await show({focus: true});
}

function endSession(message) {
  live.stop();
  signOut();
  Object.assign(state, {asOf: null, on: null, view: null, data: null, key: null, mode: null, loginError: message});
  renderLogin();
  syncTimeForm();
  renderShell();
  if (message) announce(message);
  $('login-heading').focus();
}

$('logout').addEventListener('click', () => {
  endSession(null);
  announce(t('loggedOut'));
});

// ---- language -----------------------------------------------------------------------------

function renderLanguageButton() {
  const button = $('language');
  button.setAttribute('lang', language() === 'de' ? 'en' : 'de');
}

$('language').addEventListener('click', () => {
  setLanguage(language() === 'de' ? 'en' : 'de');
});

onLanguageChange(() => {
  translate(document.body);
  renderLanguageButton();
  renderShell();
  syncTimeForm();
  if (!signedIn()) {
    renderLogin();
  } else if (state.data) {
    draw();
  } else {
    show();
  }
  $('language').focus();
});

// ---- start --------------------------------------------------------------------------------

$('skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', () => {
  if (location.hash.startsWith('#/')) show({focus: true});
});

translate(document.body);
renderLanguageButton();
renderLogin();
