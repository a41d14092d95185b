/**
 * The login page: reads ?realm=&flow=, drives the journey API step by step and, on success, sends the
 * browser to the successUrl the server gave (federation's authorize/resume). A 401 shows the server's
 * message and starts the journey again, as ForgeRock AM's UI does.
 */
import { journeyUrl, submitStep } from './journey-client.js';
import { renderCallbacks } from './callbacks.js';
import { chooseLocale, setLocale, t } from './i18n.js';

const REALM = /^[A-Za-z0-9._-]{1,64}$/;
const DEFAULT_HEADER = 'Sign In';

const ui = {
  title: document.getElementById('login-title'),
  description: document.getElementById('login-description'),
  error: document.getElementById('login-error'),
  status: document.getElementById('login-status'),
  form: document.getElementById('login-form'),
  callbacks: document.getElementById('login-callbacks'),
  submit: document.getElementById('login-submit'),
  restart: document.getElementById('login-restart'),
};

let endpoint;
let current;
let busy = false;

/** Where a step waiting for the browser's return (RedirectCallback) is kept: this tab only, this journey only. */
const SAVED_STEP = 'arbor.savedStep';

function showError(message) {
  ui.error.textContent = message;
}

function clearError() {
  ui.error.textContent = '';
}

function setBusy(value) {
  busy = value;
  ui.form.setAttribute('aria-busy', String(value));
  ui.status.textContent = value ? t('wait') : '';
  for (const button of ui.form.querySelectorAll('button')) {
    button.disabled = value;
  }
}

function showStep(step, options = {}) {
  // "Sign In" is the journey API's fixed default header (as AM's): the page says it in its own language
  const header = typeof step.header === 'string' && step.header.trim() !== '' && step.header !== DEFAULT_HEADER
    ? step.header : t('title');
  ui.title.textContent = header;
  document.title = `${header} · Arbor`;
  const description = typeof step.description === 'string' ? step.description : '';
  ui.description.textContent = description;
  ui.description.hidden = description === '';
  current = renderCallbacks(step, ui.callbacks, options);
  ui.submit.hidden = current.ownSubmit;
  ui.restart.hidden = true;
  ui.form.hidden = false;
  current.focus();
  if (current.navigate) {
    // AM's RedirectCallback: keep the step for when the browser comes back to this page, then go
    sessionStorage.setItem(SAVED_STEP, JSON.stringify({ endpoint, step: current.collect(undefined) }));
    ui.status.textContent = t('leaving');
    window.location.assign(current.navigate);
  }
}

/** The step a RedirectCallback left for this journey, taken once; undefined when there is none. */
function takeSavedStep() {
  const saved = sessionStorage.getItem(SAVED_STEP);
  sessionStorage.removeItem(SAVED_STEP);
  try {
    const parsed = saved ? JSON.parse(saved) : undefined;
    return parsed && parsed.endpoint === endpoint && parsed.step && Array.isArray(parsed.step.callbacks)
      ? parsed.step : undefined;
  } catch {
    return undefined;
  }
}

function showDeadEnd(message) {
  showError(message);
  current = undefined;
  ui.form.hidden = true;
  ui.restart.hidden = false;
  ui.restart.focus();
}

function finish(successUrl) {
  let target;
  try {
    target = new URL(successUrl, window.location.href);
  } catch {
    target = undefined;
  }
  if (!target || (target.protocol !== 'https:' && target.protocol !== 'http:')) {
    showDeadEnd(t('badAddress'));
    return;
  }
  ui.status.textContent = t('redirecting');
  window.location.assign(successUrl);
}

async function send(step) {
  setBusy(true);
  try {
    return await submitStep(endpoint, step);
  } finally {
    setBusy(false);
  }
}

async function start(options = {}) {
  const result = await send(undefined);
  if (result.kind === 'step') {
    showStep(result.step, options);
  } else if (result.kind === 'success') {
    finish(result.successUrl);
  } else {
    showDeadEnd(result.message);
  }
}

async function onSubmit(event) {
  event.preventDefault();
  if (!current || busy) {
    return;
  }
  const step = current.collect(event.submitter);
  clearError();
  await answer(step);
}

/** Posts a filled-in step and shows what comes next. */
async function answer(step) {
  const result = await send(step);
  switch (result.kind) {
    case 'step':
      showStep(result.step);
      break;
    case 'success':
      finish(result.successUrl);
      break;
    case 'failure':
      // Same message for a wrong password and an unknown user; then a fresh journey.
      showError(result.message);
      await start({ autoStart: false }); // a passkey prompt waits for a click, never loops
      break;
    default:
      showDeadEnd(result.message);
  }
}

function main() {
  const params = new URLSearchParams(window.location.search);
  const realm = params.get('realm');
  const flow = params.get('flow');
  // OIDC ui_locales (federation passes it on), else the browser's languages; the page's own words only:
  // what a tree asks comes from the server, which gets the same language as Accept-Language.
  setLocale(chooseLocale(params.get('ui_locales'), navigator.languages, ['en', 'nl', 'de']));
  ui.title.textContent = t('title');
  ui.submit.textContent = t('submit');
  ui.restart.textContent = t('restart');
  ui.form.addEventListener('submit', onSubmit);
  ui.restart.addEventListener('click', () => {
    clearError();
    start();
  });
  if (!realm || !REALM.test(realm)) {
    showError(t('incompleteLink'));
    return;
  }
  endpoint = journeyUrl(realm, flow);
  const saved = takeSavedStep();
  if (saved) {
    answer(saved); // back from a RedirectCallback's destination
  } else {
    start();
  }
}

main();
