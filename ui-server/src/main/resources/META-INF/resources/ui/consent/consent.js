/**
 * The consent page: reads ?realm=&flow=, asks federation's consent API what the application wants
 * (GET /realms/{realm}/consent/{flow}), shows it, and posts the user's decision
 * ({decision: 'allow'|'deny', remember}); then sends the browser where the answer says (federation's
 * authorize/resume, which returns to the application). Same origin; the session cookie travels with it.
 */
import { chooseLocale } from '../login/i18n.js';
import { MESSAGES, translator } from './i18n.js';

const REALM = /^[A-Za-z0-9._-]{1,64}$/;
const FLOW = /^[A-Za-z0-9_-]{16,128}$/;

const ui = {
  title: document.getElementById('consent-title'),
  error: document.getElementById('consent-error'),
  status: document.getElementById('consent-status'),
  form: document.getElementById('consent-form'),
  intro: document.getElementById('consent-intro'),
  scopesHeading: document.getElementById('consent-scopes-heading'),
  scopes: document.getElementById('consent-scopes'),
  remember: document.getElementById('consent-remember'),
  rememberLabel: document.getElementById('consent-remember-label'),
  allow: document.getElementById('consent-allow'),
  deny: document.getElementById('consent-deny'),
};

let t = translator('en');
let endpoint;
let busy = false;

/** X-Arbor-Client: a header no cross-site HTML form can send; federation refuses requests without it. */
function headers(json) {
  const h = { Accept: 'application/json', 'X-Arbor-Client': 'default-ui' };
  if (json) {
    h['Content-Type'] = 'application/json';
  }
  return h;
}

function showError(message) {
  ui.error.textContent = message;
}

function setBusy(value) {
  busy = value;
  ui.form.setAttribute('aria-busy', String(value));
  ui.status.textContent = value ? t('wait') : '';
  ui.allow.disabled = value;
  ui.deny.disabled = value;
}

/** The message for a refused request, by status (the API answers problem+json). */
function refusal(status) {
  switch (status) {
    case 404: return t('expired');
    case 403: return t('notYours');
    case 409: return t('decided');
    default: return t('failed', { status });
  }
}

async function call(method, body) {
  try {
    const response = await fetch(endpoint, {
      method,
      credentials: 'include',
      cache: 'no-store',
      headers: headers(body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    return { ok: response.ok, status: response.status, body: json };
  } catch {
    return { ok: false, status: 0, body: null };
  }
}

function describe(scope) {
  const name = scope && typeof scope.name === 'string' ? scope.name : '';
  return t(`scope.${name}`) || (typeof scope.description === 'string' && scope.description) || name;
}

function show(page) {
  const client = page.client && typeof page.client.name === 'string' ? page.client.name : '';
  ui.intro.textContent = t('intro', { client });
  ui.scopes.replaceChildren(...(Array.isArray(page.scopes) ? page.scopes : []).map((scope) => {
    const item = document.createElement('li');
    item.textContent = describe(scope);
    return item;
  }));
  const days = Number.isInteger(page.rememberDays) && page.rememberDays > 0 ? page.rememberDays : 0;
  ui.rememberLabel.textContent = days ? t('rememberFor', { days }) : t('remember');
  ui.form.hidden = false;
  ui.allow.focus();
}

function leave(location) {
  let target;
  try {
    target = new URL(location, window.location.href);
  } catch {
    target = undefined;
  }
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    showError(t('badAddress'));
    return;
  }
  ui.status.textContent = t('redirecting');
  window.location.assign(target.href);
}

async function onSubmit(event) {
  event.preventDefault();
  if (busy) {
    return;
  }
  const decision = event.submitter === ui.deny ? 'deny' : 'allow';
  showError('');
  setBusy(true);
  const result = await call('POST', { decision, remember: decision === 'allow' && ui.remember.checked });
  setBusy(false);
  if (result.ok && result.body && typeof result.body.location === 'string') {
    ui.form.hidden = true;
    leave(result.body.location);
  } else {
    showError(result.status === 0 ? t('unreachable') : refusal(result.status));
    if (result.status === 409 || result.status === 404) {
      ui.form.hidden = true;
    }
  }
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  const realm = params.get('realm');
  const flow = params.get('flow');
  const locale = chooseLocale(params.get('ui_locales'), navigator.languages, Object.keys(MESSAGES));
  t = translator(locale);
  document.documentElement.lang = locale;
  ui.title.textContent = t('title');
  document.title = `${t('title')} · Arbor`;
  ui.scopesHeading.textContent = t('scopesHeading');
  ui.rememberLabel.textContent = t('remember');
  ui.allow.textContent = t('allow');
  ui.deny.textContent = t('deny');
  ui.form.addEventListener('submit', onSubmit);
  if (!realm || !REALM.test(realm) || !flow || !FLOW.test(flow)) {
    showError(t('incompleteLink'));
    return;
  }
  endpoint = `/realms/${encodeURIComponent(realm)}/consent/${encodeURIComponent(flow)}`;
  setBusy(true);
  const result = await call('GET');
  setBusy(false);
  if (result.ok && result.body) {
    show(result.body);
  } else {
    showError(result.status === 0 ? t('unreachable') : refusal(result.status));
  }
}

main();
