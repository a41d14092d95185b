/**
 * WebAuthnRegistrationCallback and WebAuthnAuthenticationCallback (docs/reference/journey-api.md): runs
 * navigator.credentials.create() or .get() with the server's options (W3C WebAuthn L3 JSON form, base64url
 * fields decoded to ArrayBuffers here), puts the resulting PublicKeyCredential as JSON (toJSON() when the
 * browser has it, else encoded by hand) into the callback's input and submits the step by itself. When the
 * browser refuses or the person cancels, a message and a "Try again" button; nothing else is sent.
 */

import { t } from './i18n.js';

/**
 * Renders the ceremony control; with {@code autoStart} the ceremony starts as soon as the step is on screen,
 * otherwise (after a failed attempt) on a click, so a failing authenticator never loops.
 */
export function webAuthnControl(callback, { doc, id, options, prompt, autoStart }, kind) {
  const wrapper = doc.createElement('div');
  wrapper.className = 'field webauthn';
  const text = doc.createElement('p');
  text.className = 'message';
  text.textContent = prompt || (kind === 'create' ? t('passkeyRegister') : t('passkeySignIn'));
  const failure = doc.createElement('p');
  failure.className = 'message message-error';
  failure.id = `${id}-error`;
  failure.setAttribute('role', 'alert');
  failure.hidden = true;
  const retry = doc.createElement('button');
  retry.type = 'button';
  retry.id = `${id}-retry`;
  retry.className = 'secondary';
  retry.textContent = t('passkeyRetry');
  retry.hidden = true;
  wrapper.append(text, failure, retry);

  let value = '';
  let running = false;
  async function run() {
    if (running) {
      return;
    }
    running = true;
    failure.hidden = true;
    retry.hidden = true;
    text.textContent = kind === 'create'
      ? t('passkeyCreating')
      : t('passkeyWorking');
    try {
      value = JSON.stringify(await ceremony(kind, options));
      const form = wrapper.closest('form');
      if (form) {
        form.requestSubmit();
      }
    } catch (error) {
      failure.textContent = explain(error, kind);
      failure.hidden = false;
      retry.hidden = false;
      retry.focus();
    } finally {
      running = false;
    }
  }
  retry.addEventListener('click', run);
  if (autoStart) {
    setTimeout(run, 0);
  } else {
    retry.textContent = kind === 'create' ? t('passkeyCreate') : t('passkeyUse');
    retry.hidden = false;
  }
  return { element: wrapper, ownSubmit: true, read: () => value, focus: () => {} };
}

async function ceremony(kind, options) {
  if (!window.PublicKeyCredential || !navigator.credentials || !options || typeof options !== 'object') {
    throw Object.assign(new Error('unsupported'), { name: 'NotSupportedError' });
  }
  const credential = kind === 'create'
    ? await navigator.credentials.create({ publicKey: creationOptions(options) })
    : await navigator.credentials.get({ publicKey: requestOptions(options) });
  if (!credential) {
    throw Object.assign(new Error('no credential'), { name: 'NotAllowedError' });
  }
  return typeof credential.toJSON === 'function' ? credential.toJSON() : encodeCredential(credential);
}

function explain(error, kind) {
  switch (error && error.name) {
    case 'NotAllowedError':
      return t('passkeyCancelled');
    case 'InvalidStateError':
      return kind === 'create'
        ? t('passkeyExists')
        : t('passkeyUnusable');
    case 'SecurityError':
      return t('passkeyWrongAddress');
    case 'NotSupportedError':
      return t('passkeyUnsupported');
    default:
      return t('passkeyFailed');
  }
}

/** PublicKeyCredentialCreationOptionsJSON -> PublicKeyCredentialCreationOptions (L3 §5.4). */
function creationOptions(json) {
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    user: { ...json.user, id: fromBase64Url(json.user && json.user.id) },
    excludeCredentials: (json.excludeCredentials || []).map(descriptor),
  };
}

/** PublicKeyCredentialRequestOptionsJSON -> PublicKeyCredentialRequestOptions (L3 §5.5). */
function requestOptions(json) {
  return {
    ...json,
    challenge: fromBase64Url(json.challenge),
    allowCredentials: (json.allowCredentials || []).map(descriptor),
  };
}

function descriptor(d) {
  return { ...d, id: fromBase64Url(d.id) };
}

/** The toJSON() form (L3 §5.1 RegistrationResponseJSON / AuthenticationResponseJSON) for older browsers. */
function encodeCredential(credential) {
  const r = credential.response;
  const response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = toBase64Url(r.attestationObject);
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
  } else {
    response.authenticatorData = toBase64Url(r.authenticatorData);
    response.signature = toBase64Url(r.signature);
    if (r.userHandle) {
      response.userHandle = toBase64Url(r.userHandle);
    }
  }
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    response,
    clientExtensionResults: typeof credential.getClientExtensionResults === 'function'
      ? credential.getClientExtensionResults() : {},
  };
}

function fromBase64Url(text) {
  if (typeof text !== 'string') {
    throw Object.assign(new Error('bad options'), { name: 'NotSupportedError' });
  }
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes.buffer;
}

function toBase64Url(buffer) {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
