/**
 * Arbor JS SDK v1 — journeys, passkeys and OpenID Connect sign-in for a login UI the customer owns.
 *
 * No framework and no dependencies. This file is an ES module; /ui/sdk/arbor.classic.js is the same
 * code as a classic script that defines `window.Arbor`. Types: /ui/sdk/arbor.d.ts. Guide:
 * docs/guides/custom-ui.md.
 *
 * The SDK says what a step asks for (a Step of Callbacks with a `kind`), never how to render it.
 * Everything the server sends is data: the SDK never turns it into HTML or code.
 */

export const VERSION = '1.0.0';

/**
 * The one error type of the SDK. `code` is the server's (`login_failure`, an OAuth `error` such as
 * `invalid_grant`, an HTTP problem's status) or the SDK's own (`network_error`, `popup_blocked`,
 * `popup_closed`, `timeout`, `invalid_state`, `invalid_response`, `webauthn_unsupported`,
 * `webauthn_cancelled`). `message` is fit to show to a user when it came from the server.
 */
export class ArborError extends Error {
  constructor(code, message, details = {}) {
    super(message || code);
    this.name = 'ArborError';
    this.code = code;
    this.status = details.status;
    this.reason = details.reason;
    if (details.cause !== undefined) {
      this.cause = details.cause;
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Journeys

/** Callback type → the kind a UI renders. Unknown types get kind `unknown`; a UI should refuse them. */
const KINDS = Object.freeze({
  NameCallback: 'name',
  PasswordCallback: 'password',
  TextInputCallback: 'text',
  TextOutputCallback: 'message',
  SuspendedTextOutputCallback: 'message',
  ChoiceCallback: 'choice',
  ConfirmationCallback: 'confirmation',
  HiddenValueCallback: 'hidden',
  RedirectCallback: 'redirect',
  WebAuthnRegistrationCallback: 'webauthn-register',
  WebAuthnAuthenticationCallback: 'webauthn-authenticate',
  MetadataCallback: 'metadata',
});

/** The header every journey request carries; the server refuses cross-site "simple" requests without it. */
export const CSRF_HEADER = 'X-Arbor-Client';

/** One callback of a step: what it asks (`kind`, `prompt`, `output`) and the answer you give it (`value`). */
export class Callback {
  constructor(raw) {
    this.raw = raw;
    this.type = raw.type;
    this.id = raw._id;
    this.kind = KINDS[raw.type] || 'unknown';
    this.output = Object.freeze(Object.fromEntries((raw.output || [])
      .filter((o) => o && typeof o.name === 'string')
      .map((o) => [o.name, o.value])));
  }

  /** The prompt or message the server wants shown (plain text). */
  get prompt() {
    return this.output.prompt ?? this.output.message;
  }

  /** ChoiceCallback / ConfirmationCallback: the labels to offer, in order. */
  get choices() {
    return Array.isArray(this.output.choices) ? this.output.choices : (Array.isArray(this.output.options)
      ? this.output.options : []);
  }

  /** The current answer (the first input's value). */
  get value() {
    const input = (this.raw.input || [])[0];
    return input ? input.value : undefined;
  }

  /** Sets the answer; returns this callback. */
  setValue(value) {
    const input = (this.raw.input || [])[0];
    if (!input) {
      throw new ArborError('invalid_input', `${this.type} takes no input`);
    }
    input.value = value;
    return this;
  }

  /** WebAuthn callbacks: the options for navigator.credentials.create()/get(), as JSON. */
  get publicKey() {
    const value = this.output.publicKey;
    if (typeof value === 'string') {
      try {
        return JSON.parse(value);
      } catch {
        return undefined;
      }
    }
    return value;
  }
}

/** A step of a journey: a page's worth of callbacks. Answer them, then `client.next(step)`. */
export class Step {
  constructor(raw) {
    this.type = 'step';
    this.raw = structuredClone(raw);
    this.authId = raw.authId;
    this.header = raw.header || '';
    this.description = raw.description || '';
    this.stage = raw.stage || '';
    this.callbacks = (this.raw.callbacks || []).map((cb) => new Callback(cb));
  }

  /** The callbacks of one type or kind. */
  find(typeOrKind) {
    return this.callbacks.filter((cb) => cb.type === typeOrKind || cb.kind === typeOrKind);
  }

  /** The payload to post back: the step as the server sent it, with the answers filled in. */
  toJSON() {
    return this.raw;
  }
}

/**
 * A journey client for one realm. `baseUrl` is the Arbor origin (default: this page's origin).
 * Cookies travel with every request (`credentials: 'include'`), so a cross-origin UI needs its origin
 * on the realm's CORS allow-list (docs/guides/custom-ui.md).
 */
export function createClient(options = {}) {
  const realm = options.realm;
  if (typeof realm !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(realm)) {
    throw new ArborError('invalid_config', 'createClient needs a realm name');
  }
  const baseUrl = trimSlash(options.baseUrl || globalThis.location?.origin || '');
  const doFetch = options.fetch || globalThis.fetch.bind(globalThis);
  const locale = options.locale;

  function url(params) {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') {
        query.set(name, value);
      }
    }
    const text = query.toString();
    return `${baseUrl}/realms/${encodeURIComponent(realm)}/authenticate${text ? `?${text}` : ''}`;
  }

  async function post(target, body) {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', [CSRF_HEADER]: `sdk/${VERSION}` };
    if (locale) {
      headers['Accept-Language'] = locale;
    }
    let response;
    try {
      response = await doFetch(target, {
        method: 'POST', credentials: 'include', cache: 'no-store', headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (cause) {
      throw new ArborError('network_error', 'The sign-in service could not be reached.', { cause });
    }
    const json = await readJson(response);
    if (response.ok && json && Array.isArray(json.callbacks)) {
      return new Step(json);
    }
    if (response.ok && json && typeof json.successUrl === 'string') {
      return Object.freeze({ type: 'success', successUrl: json.successUrl, realm: json.realm });
    }
    throw errorFrom(response, json);
  }

  let lastTarget = url({});
  return Object.freeze({
    realm,
    baseUrl,
    /** Starts a journey: `tree` names a tree, `flow` continues a federation login flow (?flow= of /ui/login). */
    start({ tree = options.tree, flow } = {}) {
      lastTarget = url({ tree, flow });
      return post(lastTarget, undefined);
    },
    /** Posts the answered step; resolves to the next Step or to `{type:'success', successUrl}`. */
    next(step) {
      if (!(step instanceof Step)) {
        throw new ArborError('invalid_input', 'next() takes the Step the journey returned');
      }
      return post(lastTarget, step.toJSON());
    },
    /**
     * Continues a journey from a step saved earlier with `JSON.stringify(step)` (for instance across a
     * RedirectCallback round trip). The server decides whether it is still valid.
     */
    resume(savedStep, { tree, flow } = {}) {
      const raw = typeof savedStep === 'string' ? JSON.parse(savedStep) : savedStep;
      lastTarget = url({ tree, flow });
      return Promise.resolve(new Step(raw));
    },
  });
}

function errorFrom(response, json) {
  if (response.status === 401) {
    return new ArborError('login_failure', textOf(json && json.message) || 'Login failure',
      { status: 401, reason: json && json.reason });
  }
  if (json && typeof json.error === 'string') {
    return new ArborError(json.error, textOf(json.error_description) || json.error, { status: response.status });
  }
  const message = json && (textOf(json.detail) || textOf(json.message) || textOf(json.title));
  return new ArborError(`http_${response.status}`, message || `Sign-in could not continue (HTTP ${response.status}).`,
    { status: response.status, reason: json && (json.reason || json.title) });
}

// ---------------------------------------------------------------------------------------------------
// WebAuthn / passkeys

/** base64url of bytes (ArrayBuffer or view), no padding. */
export function base64urlEncode(bytes) {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let binary = '';
  for (const byte of view) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes of a base64url string (padding optional). */
export function base64urlDecode(text) {
  const base64 = String(text).replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function decodeDescriptors(list) {
  return Array.isArray(list) ? list.map((d) => ({ ...d, id: base64urlDecode(d.id) })) : list;
}

function creationOptions(json) {
  if (globalThis.PublicKeyCredential?.parseCreationOptionsFromJSON) {
    return PublicKeyCredential.parseCreationOptionsFromJSON(json);
  }
  return {
    ...json,
    challenge: base64urlDecode(json.challenge),
    user: { ...json.user, id: base64urlDecode(json.user.id) },
    excludeCredentials: decodeDescriptors(json.excludeCredentials),
  };
}

function requestOptions(json) {
  if (globalThis.PublicKeyCredential?.parseRequestOptionsFromJSON) {
    return PublicKeyCredential.parseRequestOptionsFromJSON(json);
  }
  return { ...json, challenge: base64urlDecode(json.challenge), allowCredentials: decodeDescriptors(json.allowCredentials) };
}

function credentialJson(credential) {
  if (typeof credential.toJSON === 'function') {
    return credential.toJSON();
  }
  const r = credential.response;
  const response = { clientDataJSON: base64urlEncode(r.clientDataJSON) };
  if (r.attestationObject) {
    response.attestationObject = base64urlEncode(r.attestationObject);
    response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
  }
  if (r.authenticatorData) {
    response.authenticatorData = base64urlEncode(r.authenticatorData);
    response.signature = base64urlEncode(r.signature);
    response.userHandle = r.userHandle ? base64urlEncode(r.userHandle) : null;
  }
  return {
    id: credential.id,
    rawId: base64urlEncode(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    response,
    clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
  };
}

function webauthnError(cause) {
  if (cause && (cause.name === 'NotAllowedError' || cause.name === 'AbortError')) {
    return new ArborError('webauthn_cancelled', 'The passkey request was cancelled or timed out.', { cause });
  }
  return new ArborError('webauthn_failed', (cause && cause.message) || 'The passkey request failed.', { cause });
}

function requireWebAuthn() {
  if (!globalThis.PublicKeyCredential || !globalThis.navigator?.credentials) {
    throw new ArborError('webauthn_unsupported', 'This browser does not support passkeys.');
  }
}

export const webauthn = Object.freeze({
  /** Whether the browser has WebAuthn at all. */
  isSupported() {
    return Boolean(globalThis.PublicKeyCredential && globalThis.navigator?.credentials);
  },

  /** Whether passkey autofill (mediation "conditional") is available. */
  async isConditionalMediationAvailable() {
    return Boolean(globalThis.PublicKeyCredential?.isConditionalMediationAvailable
      && await PublicKeyCredential.isConditionalMediationAvailable());
  },

  /** navigator.credentials.create() from JSON options; resolves to the credential as JSON. */
  async create(publicKeyJson, { signal } = {}) {
    requireWebAuthn();
    try {
      const credential = await navigator.credentials.create({ publicKey: creationOptions(publicKeyJson), signal });
      return credentialJson(credential);
    } catch (cause) {
      throw webauthnError(cause);
    }
  },

  /**
   * navigator.credentials.get() from JSON options; `mediation: 'conditional'` waits for the user to pick
   * a passkey from autofill (the page needs an input with autocomplete="username webauthn").
   */
  async get(publicKeyJson, { mediation, signal } = {}) {
    requireWebAuthn();
    try {
      const credential = await navigator.credentials.get({ publicKey: requestOptions(publicKeyJson), mediation, signal });
      return credentialJson(credential);
    } catch (cause) {
      throw webauthnError(cause);
    }
  },

  /** Answers a WebAuthn callback of a step (create or get as its kind says) and sets its value. */
  async answer(callback, options = {}) {
    const publicKey = callback.publicKey;
    if (!publicKey) {
      throw new ArborError('invalid_response', 'The WebAuthn callback carries no options.');
    }
    const json = callback.kind === 'webauthn-register'
      ? await this.create(publicKey, options) : await this.get(publicKey, options);
    callback.setValue(JSON.stringify(json));
    return json;
  },
});

// ---------------------------------------------------------------------------------------------------
// OpenID Connect for SPAs: redirect and popup sign-in, authorization code + PKCE (RFC 7636)

/** A random, URL-safe token with `size` bytes of entropy. */
export function randomToken(size = 32) {
  return base64urlEncode(crypto.getRandomValues(new Uint8Array(size)));
}

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)). */
export async function s256(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64urlEncode(digest);
}

const PENDING_PREFIX = 'arbor.sdk.pending.';

/**
 * An OpenID Connect client for a public SPA client. `issuer` is the realm's issuer
 * (e.g. https://id.example.com/realms/demo); endpoints come from its discovery document.
 */
export function createOidcClient(options = {}) {
  const { issuer, clientId, redirectUri } = options;
  if (!issuer || !clientId || !redirectUri) {
    throw new ArborError('invalid_config', 'createOidcClient needs issuer, clientId and redirectUri');
  }
  const scope = options.scope || 'openid';
  const storage = options.storage || globalThis.sessionStorage;
  const doFetch = options.fetch || globalThis.fetch.bind(globalThis);
  const issuerOrigin = new URL(issuer).origin;
  let metadata;

  async function discover() {
    if (!metadata) {
      const response = await doFetch(`${trimSlash(issuer)}/.well-known/openid-configuration`, { cache: 'no-store' })
        .catch((cause) => { throw new ArborError('network_error', 'The sign-in service could not be reached.', { cause }); });
      const json = await readJson(response);
      if (!response.ok || !json || json.issuer !== issuer) {
        throw new ArborError('invalid_response', 'The discovery document does not belong to this issuer.');
      }
      metadata = json;
    }
    return metadata;
  }

  async function authorizationUrl(extra) {
    const config = await discover();
    const pending = { state: randomToken(), nonce: randomToken(), verifier: randomToken(), redirectUri };
    const params = new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope,
      state: pending.state, nonce: pending.nonce,
      code_challenge: await s256(pending.verifier), code_challenge_method: 'S256',
      ...extra,
    });
    storage.setItem(PENDING_PREFIX + pending.state, JSON.stringify(pending));
    return { url: `${config.authorization_endpoint}?${params}`, pending };
  }

  function takePending(state) {
    const key = PENDING_PREFIX + state;
    const raw = typeof state === 'string' ? storage.getItem(key) : null;
    storage.removeItem(key);
    try {
      return raw ? JSON.parse(raw) : null;
    } catch {
      return null;
    }
  }

  async function redeem(response) {
    if (response.error) {
      throw new ArborError(response.error, response.error_description || response.error);
    }
    const pending = takePending(response.state);
    if (!pending) {
      throw new ArborError('invalid_state', 'The response does not belong to a sign-in started here.');
    }
    if (response.iss !== issuer) {
      throw new ArborError('invalid_response', 'The response did not come from the expected issuer (RFC 9207).');
    }
    const config = await discover();
    const tokenResponse = await doFetch(config.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: response.code, redirect_uri: pending.redirectUri,
        client_id: clientId, code_verifier: pending.verifier,
      }),
    }).catch((cause) => { throw new ArborError('network_error', 'The token endpoint could not be reached.', { cause }); });
    const tokens = await readJson(tokenResponse);
    if (!tokenResponse.ok || !tokens || !tokens.access_token) {
      throw errorFrom(tokenResponse, tokens);
    }
    if (tokens.id_token) {
      checkIdToken(tokens.id_token, { issuer, clientId, nonce: pending.nonce });
    }
    return tokens;
  }

  return Object.freeze({
    discover,

    /** Sends the browser to the authorization endpoint. */
    async loginWithRedirect({ params = {} } = {}) {
      const { url } = await authorizationUrl(params);
      globalThis.location.assign(url);
    },

    /** On the redirect URI: checks the response (state, iss) and redeems the code. Resolves to the tokens. */
    async handleRedirectCallback(url = globalThis.location.href) {
      const query = new URL(url).searchParams;
      return redeem(Object.fromEntries(query.entries()));
    },

    /**
     * Signs in in a popup with `response_mode=web_message`: the authorization server posts the response to
     * this page's exact origin; messages from any other origin or window are ignored. Call it from a click
     * handler (browsers block popups opened later). Rejects with `popup_blocked`, `popup_closed` or `timeout`.
     */
    async loginWithPopup({ params = {}, timeoutMs = 300_000, features = 'popup,width=480,height=640' } = {}) {
      const popup = globalThis.open('', 'arbor-login', features);
      if (!popup) {
        throw new ArborError('popup_blocked', 'The browser blocked the sign-in window.');
      }
      let pending;
      try {
        const request = await authorizationUrl({ response_mode: 'web_message', ...params });
        pending = request.pending;
        popup.location.href = request.url;
      } catch (error) {
        popup.close();
        throw error;
      }
      const response = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(() => reject(new ArborError('timeout', 'Sign-in took too long.'))), timeoutMs);
        const poll = setInterval(() => {
          if (popup.closed) {
            finish(() => reject(new ArborError('popup_closed', 'The sign-in window was closed.')));
          }
        }, 400);
        function onMessage(event) {
          if (event.origin !== issuerOrigin || event.source !== popup) {
            return;
          }
          const data = event.data;
          if (!data || data.type !== 'authorization_response' || !data.response
              || data.response.state !== pending.state) {
            return;
          }
          finish(() => resolve(data.response));
        }
        function finish(settle) {
          clearTimeout(timer);
          clearInterval(poll);
          globalThis.removeEventListener('message', onMessage);
          settle();
        }
        globalThis.addEventListener('message', onMessage);
      });
      popup.close();
      return redeem(response);
    },
  });
}

/** Checks the ID token's iss, aud, nonce and exp (the token came straight from the token endpoint over TLS). */
function checkIdToken(idToken, { issuer, clientId, nonce }) {
  let claims;
  try {
    claims = JSON.parse(new TextDecoder().decode(base64urlDecode(idToken.split('.')[1])));
  } catch (cause) {
    throw new ArborError('invalid_response', 'The ID token cannot be read.', { cause });
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss !== issuer || !audience.includes(clientId) || claims.nonce !== nonce
      || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now() - 60_000) {
    throw new ArborError('invalid_response', 'The ID token is not for this sign-in.');
  }
}

// ---------------------------------------------------------------------------------------------------

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function textOf(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function trimSlash(value) {
  return String(value).replace(/\/+$/, '');
}
