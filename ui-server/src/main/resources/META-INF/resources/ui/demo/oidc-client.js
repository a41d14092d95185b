/**
 * The demo SPA's OpenID Connect client: authorization code flow with PKCE for the public client
 * demo-spa of realm demo. Endpoints are same-origin (the gateway).
 */
import { fromBase64url, randomToken, s256Challenge } from './pkce.js';

const CLIENT_ID = 'demo-spa';
const REALM = 'demo';
const SCOPE = 'openid profile email';
const PENDING_KEY = 'arbor.demo.pending-sign-in';

/** Issuer, redirect URI and endpoints, derived from the page's origin. */
export function settings(origin = window.location.origin) {
  const base = `/realms/${REALM}/oauth2`;
  return Object.freeze({
    clientId: CLIENT_ID,
    issuer: `${origin}/realms/${REALM}`,
    redirectUri: `${origin}/ui/demo/`,
    authorizeEndpoint: `${base}/authorize`,
    tokenEndpoint: `${base}/token`,
    userinfoEndpoint: `${base}/userinfo`,
  });
}

/** OAuth 2.0 error → an Error whose message reads "error: description". */
export class OAuthError extends Error {
  constructor(error, description) {
    super(description ? `${error}: ${description}` : String(error));
    this.name = 'OAuthError';
  }
}

/**
 * Creates state, nonce and a PKCE verifier, keeps them in sessionStorage (one tab, one attempt) and
 * returns the authorization request URL (OIDC Core §3.1.2.1, RFC 7636 §4.3).
 */
export async function beginSignIn(config, storage = window.sessionStorage) {
  const pending = { state: randomToken(), nonce: randomToken(), verifier: randomToken() };
  const challenge = await s256Challenge(pending.verifier);
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  const query = [
    ['response_type', 'code'],
    ['client_id', config.clientId],
    ['redirect_uri', config.redirectUri],
    ['scope', SCOPE],
    ['state', pending.state],
    ['nonce', pending.nonce],
    ['code_challenge', challenge],
    ['code_challenge_method', 'S256'],
    ...(config.acrValues ? [['acr_values', config.acrValues]] : []),
  ].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return `${config.authorizeEndpoint}?${query}`;
}

/** Reads and forgets the pending sign-in: a code can be redeemed once, so can its state. */
export function takePending(storage = window.sessionStorage) {
  const raw = storage.getItem(PENDING_KEY);
  storage.removeItem(PENDING_KEY);
  try {
    const pending = raw ? JSON.parse(raw) : null;
    return pending && pending.state && pending.nonce && pending.verifier ? pending : null;
  } catch {
    return null;
  }
}

/**
 * Checks the authorization response (RFC 6749 §4.1.2, RFC 9207 iss) and returns the code.
 * Throws OAuthError for an error response, a state mismatch or a wrong issuer.
 */
export function readAuthorizationResponse(params, pending, config) {
  if (params.has('error')) {
    throw new OAuthError(params.get('error'), params.get('error_description'));
  }
  if (!pending || params.get('state') !== pending.state) {
    throw new OAuthError('invalid_state', 'the response does not belong to a sign-in started here; please sign in again');
  }
  if (params.get('iss') !== config.issuer) {
    throw new OAuthError('invalid_issuer', 'the response did not come from the expected issuer');
  }
  const code = params.get('code');
  if (!code) {
    throw new OAuthError('invalid_request', 'the response carries no authorization code');
  }
  return code;
}

/** RFC 6749 §4.1.3 with RFC 7636 §4.5: redeems the code; a public client sends client_id, no secret. */
export async function redeemCode(config, code, pending) {
  const response = await fetch(config.tokenEndpoint, {
    method: 'POST',
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: config.redirectUri,
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body || typeof body.access_token !== 'string') {
    throw new OAuthError((body && body.error) || `token endpoint answered HTTP ${response.status}`,
      body && body.error_description);
  }
  return body;
}

/** The JWT's payload, decoded but NOT verified: the token came straight from the token endpoint (OIDC Core §3.1.3.7). */
export function decodeJwtPayload(jwt) {
  const parts = typeof jwt === 'string' ? jwt.split('.') : [];
  if (parts.length !== 3) {
    throw new OAuthError('invalid_id_token', 'the ID token is not a JWT');
  }
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64url(parts[1])));
  } catch {
    throw new OAuthError('invalid_id_token', 'the ID token payload is unreadable');
  }
}

/** OIDC Core §3.1.3.7: iss, aud and nonce of the ID token. */
export function checkIdToken(idToken, pending, config) {
  const claims = decodeJwtPayload(idToken);
  if (claims.nonce !== pending.nonce) {
    throw new OAuthError('invalid_nonce', 'the ID token was not issued for this sign-in');
  }
  if (claims.iss !== config.issuer) {
    throw new OAuthError('invalid_id_token', 'the ID token comes from another issuer');
  }
  const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audience.includes(config.clientId)) {
    throw new OAuthError('invalid_id_token', 'the ID token is meant for another client');
  }
  return claims;
}

/** OIDC Core §5.3: the signed-in user's claims. */
export async function fetchUserinfo(config, accessToken) {
  const response = await fetch(config.userinfoEndpoint, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok || !body) {
    throw new OAuthError((body && body.error) || `userinfo endpoint answered HTTP ${response.status}`,
      body && body.error_description);
  }
  return body;
}
