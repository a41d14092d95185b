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
  HiddenValueCallback: hiddenValue,
  TextOutputCallback: textOutput,
  SuspendedTextOutputCallback: textOutput,
  ChoiceCallback: choice,
  ConfirmationCallback: confirmation,
  MetadataCallback: () => ({}),
  WebAuthnRegistrationCallback: (cb, ctx) => webAuthn(cb, ctx, 'create'),
  WebAuthnAuthenticationCallback: (cb, ctx) => webAuthn(cb, ctx, 'get'),
});

/** The value of the named output of a callback, or undefined. */
export function outputValue(callback, name) {
  const entry = (callback.output || []).find((o) => o && o.name === name);
  return entry ? entry.value : undefined;
}

/**
 * Renders every callback of {@code step} into {@code container} (emptied first); {@code options.autoStart}
 * false keeps a WebAuthn ceremony from starting by itself (after a failure: one click per attempt). Returns
 * {collect(submitter) -> a copy of the step with input values filled, focus(), ownSubmit}.
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
  return {
    ownSubmit: rendered.some((control) => control.ownSubmit),
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
