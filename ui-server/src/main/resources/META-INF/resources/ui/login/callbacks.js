/**
 * Renders a journey step's callbacks (ForgeRock AM callback JSON) as form controls, generically: the
 * page knows callback types, never trees. Each control's id and name is the callback's input name
 * (IDToken1, IDToken2, ...), so tests and password managers find it. Text comes from the server
 * and is only ever set as textContent: nothing the server sends is parsed as HTML or run as script.
 */

import { t } from './i18n.js';
import { webAuthnControl } from './webauthn.js';

const SAFE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** Callback type -> renderer(callback, context) returning {element?, read?, focus?, ownSubmit?}. */
const RENDERERS = Object.freeze({
  NameCallback: (cb, ctx) => textField(cb, ctx, {
    type: 'text', autocomplete: 'username', fallbackLabel: t('username'), extra: { autocapitalize: 'none', spellcheck: false },
  }),
  PasswordCallback: (cb, ctx) => textField(cb, ctx, {
    type: 'password', autocomplete: 'current-password', fallbackLabel: t('password'), keepValue: false,
  }),
  TextInputCallback: (cb, ctx) => textField(cb, ctx, {
    type: 'text', autocomplete: 'off', fallbackLabel: t('answer'), defaultValue: outputValue(cb, 'defaultText'),
  }),
  HiddenValueCallback: (cb, ctx) => (outputValue(cb, 'id') === 'totpRegistration' ? totpEnrolment(cb, ctx) : hiddenValue(cb, ctx)),
  TextOutputCallback: textOutput,
  SuspendedTextOutputCallback: textOutput,
  ChoiceCallback: choice,
  ConfirmationCallback: confirmation,
  MetadataCallback: () => ({}),
  WebAuthnRegistrationCallback: (cb, ctx) => webAuthn(cb, ctx, 'create'),
  WebAuthnAuthenticationCallback: (cb, ctx) => webAuthn(cb, ctx, 'get'),
  RedirectCallback: redirect,
});

/** The value of the named output of a callback, or undefined. */
export function outputValue(callback, name) {
  const entry = (callback.output || []).find((o) => o && o.name === name);
  return entry ? entry.value : undefined;
}

/**
 * Renders every callback of {@code step} into {@code container} (emptied first); {@code options.autoStart}
 * false keeps a WebAuthn ceremony from starting by itself (after a failure: one click per attempt). Returns
 * {collect(submitter) -> a copy of the step with input values filled, focus(), ownSubmit, navigate}: navigate is
 * the URL a RedirectCallback sends the browser to, the step to be posted when it comes back.
 */
export function renderCallbacks(step, container, options = {}) {
  const doc = container.ownerDocument;
  container.replaceChildren();
  const rendered = (step.callbacks || []).map((callback, index) => {
    const renderer = RENDERERS[callback && callback.type] || unsupported;
    const control = renderer(callback, { doc, index, autoStart: options.autoStart !== false });
    if (control.element) {
      container.append(control.element);
    }
    return control;
  });
  const navigating = rendered.find((control) => control.navigate);
  return {
    ownSubmit: rendered.some((control) => control.ownSubmit),
    navigate: navigating ? navigating.navigate : undefined,
    focus() {
      const first = rendered.find((control) => control.focus);
      if (first) {
        first.focus();
      }
    },
    collect(submitter) {
      const copy = structuredClone(step);
      rendered.forEach((control, index) => {
        const input = copy.callbacks[index].input;
        if (control.read && Array.isArray(input) && input.length > 0) {
          input[0].value = control.read(submitter);
        }
      });
      return copy;
    },
  };
}

function inputId(callback, index) {
  const entry = (callback.input || [])[0];
  const name = entry && entry.name;
  return typeof name === 'string' && SAFE_ID.test(name) ? name : `callback-${index}`;
}

function promptOf(callback) {
  const prompt = outputValue(callback, 'prompt');
  return typeof prompt === 'string' && prompt.trim() !== '' ? prompt : undefined;
}

function currentValue(callback) {
  const entry = (callback.input || [])[0];
  return entry ? entry.value : undefined;
}

function el(doc, tag, props = {}) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'text') {
      node.textContent = value;
    } else if (key in node) {
      node[key] = value;
    } else {
      node.setAttribute(key, String(value));
    }
  }
  return node;
}

function textField(callback, { doc, index }, options) {
  const id = inputId(callback, index);
  const given = currentValue(callback);
  const initial = options.keepValue === false ? '' : (typeof given === 'string' && given !== '' ? given : options.defaultValue);
  const wrapper = el(doc, 'div', { className: 'field' });
  const label = el(doc, 'label', { htmlFor: id, text: promptOf(callback) || options.fallbackLabel });
  const input = el(doc, 'input', {
    type: options.type,
    id,
    name: id,
    required: true,
    autocomplete: options.autocomplete,
    value: typeof initial === 'string' ? initial : '',
    ...(options.extra || {}),
  });
  wrapper.append(label, input);
  return { element: wrapper, read: () => input.value, focus: () => input.focus() };
}

function hiddenValue(callback, { doc, index }) {
  const id = inputId(callback, index);
  const given = currentValue(callback);
  const value = given !== undefined && given !== '' ? given : outputValue(callback, 'value');
  const input = el(doc, 'input', { type: 'hidden', id, name: id, value: value === undefined ? '' : String(value) });
  return { element: input, read: () => input.value };
}

/**
 * TOTP enrolment (the TotpRegistration node): the QR code of the otpauth:// URI to scan, and the same
 * secret as text for an app that cannot scan. The image is shown only when it is an inline SVG or PNG
 * the server drew; the key is only ever set as text.
 */
function totpEnrolment(callback, ctx) {
  const { doc } = ctx;
  const hidden = hiddenValue(callback, ctx);
  const figure = el(doc, 'figure', { className: 'totp-enrolment' });
  const qr = outputValue(callback, 'qrCode');
  if (typeof qr === 'string' && /^data:image\/(svg\+xml|png)[;,]/.test(qr)) {
    figure.append(el(doc, 'img', { src: qr, alt: t('totpQrAlt'), width: 200, height: 200 }));
  }
  const key = totpSecretOf(outputValue(callback, 'value'));
  if (key) {
    const caption = el(doc, 'figcaption', { text: t('totpManualKey') });
    caption.append(' ', el(doc, 'code', { className: 'totp-key', text: key.replace(/(.{4})(?=.)/g, '$1 ') }));
    figure.append(caption);
  }
  figure.append(hidden.element);
  return { element: figure, read: hidden.read };
}

/** The base32 secret of an otpauth:// URI (Key Uri Format), or undefined. */
function totpSecretOf(uri) {
  if (typeof uri !== 'string' || !uri.startsWith('otpauth://')) {
    return undefined;
  }
  try {
    const secret = new URL(uri).searchParams.get('secret');
    return secret && /^[A-Z2-7]+=*$/i.test(secret) ? secret.toUpperCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * AM's RedirectCallback: the page saves the step, the browser goes to redirectUrl (an https URL or a path
 * of this origin: the node refuses anything else, and so does this page), and the saved step is posted
 * when the other side sends the browser back to this page. The default UI follows GET redirects; its CSP
 * lets forms post to this origin only.
 */
function redirect(callback, { doc }) {
  const url = outputValue(callback, 'redirectUrl');
  let target;
  try {
    target = new URL(String(url), doc.location.href);
  } catch {
    target = undefined;
  }
  const sameOrigin = target && target.origin === doc.location.origin;
  const usable = target && (target.protocol === 'https:' || sameOrigin)
    && String(outputValue(callback, 'redirectMethod') || 'GET').toUpperCase() === 'GET';
  if (!usable) {
    return { element: el(doc, 'p', { className: 'message message-error', text: t('badAddress') }), ownSubmit: true };
  }
  const link = el(doc, 'a', { href: target.href, text: t('continue'), className: 'button-link' });
  const wrapper = el(doc, 'p', { className: 'message', text: `${t('leaving')} ` });
  wrapper.append(link);
  return { element: wrapper, ownSubmit: true, navigate: target.href, focus: () => link.focus() };
}

/** AM messageType: 0 information, 1 warning, 2 error, 4 script (never run: CSP and policy forbid it). */
function textOutput(callback, { doc }) {
  const type = String(outputValue(callback, 'messageType') ?? '0');
  if (type === '4') {
    return {};
  }
  const kind = type === '2' ? 'error' : type === '1' ? 'warning' : 'info';
  const message = outputValue(callback, 'message');
  return { element: el(doc, 'p', { className: `message message-${kind}`, text: message == null ? '' : String(message) }) };
}

function choice(callback, { doc, index }) {
  const id = inputId(callback, index);
  const choices = Array.isArray(outputValue(callback, 'choices')) ? outputValue(callback, 'choices') : [];
  const given = Number(currentValue(callback));
  const fallback = Number(outputValue(callback, 'defaultChoice'));
  const selected = Number.isInteger(given) && given >= 0 && given < choices.length ? given : fallback;
  const wrapper = el(doc, 'div', { className: 'field' });
  const label = el(doc, 'label', { htmlFor: id, text: promptOf(callback) || t('chooseOne') });
  const select = el(doc, 'select', { id, name: id, required: true });
  choices.forEach((text, i) => {
    select.append(el(doc, 'option', { value: String(i), text: String(text), selected: i === selected }));
  });
  wrapper.append(label, select);
  return { element: wrapper, read: () => Number(select.value), focus: () => select.focus() };
}

/** Each option is its own submit button; the one pressed gives the value (its index). */
function confirmation(callback, { doc, index }) {
  const id = inputId(callback, index);
  const options = Array.isArray(outputValue(callback, 'options')) ? outputValue(callback, 'options') : [];
  const defaultOption = Number(outputValue(callback, 'defaultOption'));
  const wrapper = el(doc, 'div', { className: 'field' });
  const prompt = promptOf(callback);
  if (prompt) {
    wrapper.append(el(doc, 'p', { className: 'message', text: prompt }));
  }
  const row = el(doc, 'div', { className: 'actions' });
  const buttons = options.map((text, i) => el(doc, 'button', {
    type: 'submit', id: `${id}-${i}`, name: id, value: String(i), text: String(text),
    className: i === defaultOption ? '' : 'secondary',
  }));
  row.append(...buttons);
  wrapper.append(row);
  return {
    element: wrapper,
    ownSubmit: buttons.length > 0,
    read: (submitter) => {
      const pressed = buttons.indexOf(submitter);
      return pressed >= 0 ? pressed : (Number.isInteger(defaultOption) ? defaultOption : 0);
    },
    focus: buttons.length > 0 ? () => buttons[0].focus() : undefined,
  };
}

/** A WebAuthn ceremony (webauthn.js): runs by itself, then submits the step with the credential JSON. */
function webAuthn(callback, { doc, index, autoStart }, kind) {
  return webAuthnControl(callback, {
    doc, id: inputId(callback, index), options: outputValue(callback, 'publicKey'), prompt: promptOf(callback),
    autoStart,
  }, kind);
}

function unsupported(callback, { doc }) {
  const type = callback && typeof callback.type === 'string' ? callback.type : 'unknown';
  return {
    element: el(doc, 'p', {
      className: 'message message-error',
      text: t('unsupported', { type }),
    }),
  };
}
