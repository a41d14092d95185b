/**
 * A single-page app on its own origin that signs in with Arbor in a popup (response_mode=web_message)
 * and redeems the code at the token endpoint from the browser (public client, PKCE): no server-side code.
 *
 * Query parameters (all optional): ?arbor=<Arbor origin>&realm=<realm>&client_id=<public client>
 * &redirect_uri=<registered redirect URI> (default: this page's origin + "/").
 * Serve it with `python3 -m http.server 9190 --bind 127.0.0.1 --directory examples/popup-login` and open
 * http://127.0.0.1:9190/ — the demo realm registers client demo-popup with that redirect URI.
 */
const params = new URLSearchParams(window.location.search);
const ARBOR = params.get('arbor') || 'http://localhost:8080';
const REALM = params.get('realm') || 'demo';
const { createOidcClient, ArborError } = await import(`${ARBOR}/ui/sdk/arbor.js`);

const oidc = createOidcClient({
  issuer: `${ARBOR}/realms/${REALM}`,
  clientId: params.get('client_id') || 'demo-popup',
  redirectUri: params.get('redirect_uri') || `${window.location.origin}/`,
  scope: 'openid profile email',
});
const ui = Object.fromEntries(['sign-in', 'status', 'error', 'claims-title', 'claims']
  .map((id) => [id, document.getElementById(id)]));

function claimsOf(idToken) {
  const payload = idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
  return JSON.parse(json);
}

ui['sign-in'].addEventListener('click', async () => {
  ui.error.textContent = '';
  ui.status.textContent = 'Signing in…';
  try {
    // called straight from the click handler: browsers block a popup opened later
    const tokens = await oidc.loginWithPopup();
    ui.status.textContent = 'Signed in.';
    ui.claims.textContent = JSON.stringify(claimsOf(tokens.id_token), null, 2);
    ui.claims.hidden = false;
    ui['claims-title'].hidden = false;
  } catch (error) {
    ui.status.textContent = '';
    ui.error.dataset.code = error instanceof ArborError ? error.code : 'error';
    ui.error.textContent = error instanceof ArborError ? `${error.code}: ${error.message}` : 'Something went wrong.';
  }
});
ui['sign-in'].disabled = false;
