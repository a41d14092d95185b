/**
 * The demo page: a "Sign in" button starting the authorization code flow, and on return the
 * userinfo claims. Tokens live only in this function's memory, never in storage.
 */
import {
  beginSignIn, checkIdToken, fetchUserinfo, readAuthorizationResponse, redeemCode, settings, takePending,
} from './oidc-client.js';

const ui = {
  signIn: document.getElementById('sign-in'),
  error: document.getElementById('demo-error'),
  status: document.getElementById('demo-status'),
  result: document.getElementById('demo-result'),
  name: document.getElementById('subject-name'),
  claims: document.getElementById('claims'),
};

const config = settings();

function showError(error) {
  ui.error.textContent = error instanceof Error ? error.message : String(error);
  ui.status.textContent = '';
}

async function signIn() {
  ui.signIn.disabled = true;
  ui.error.textContent = '';
  try {
    // ?acr=<tree> on this page asks for that journey (acr_values, OIDC Core §3.1.2.1), e.g. ?acr=passkey
    const acr = new URLSearchParams(window.location.search).get('acr');
    const acrValues = acr && /^[A-Za-z0-9._-]{1,64}$/.test(acr) ? acr : undefined;
    window.location.assign(await beginSignIn({ ...config, acrValues }));
  } catch (error) {
    showError(error);
    ui.signIn.disabled = false;
  }
}

async function completeSignIn(params) {
  const pending = takePending();
  ui.status.textContent = 'Completing sign-in…';
  try {
    const code = readAuthorizationResponse(params, pending, config);
    const tokens = await redeemCode(config, code, pending);
    checkIdToken(tokens.id_token, pending, config);
    const claims = await fetchUserinfo(config, tokens.access_token);
    ui.name.textContent = typeof claims.name === 'string' ? claims.name : String(claims.sub ?? '');
    ui.claims.textContent = JSON.stringify(claims, null, 2);
    ui.result.hidden = false;
    ui.status.textContent = 'Signed in.';
    ui.signIn.textContent = 'Sign in again';
  } catch (error) {
    showError(error);
  }
}

function main() {
  ui.signIn.addEventListener('click', signIn);
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') || params.has('error')) {
    // The code must not stay in the address bar or the history.
    window.history.replaceState(null, '', window.location.pathname);
    completeSignIn(params);
  }
}

main();
