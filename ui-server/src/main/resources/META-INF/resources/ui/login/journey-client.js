/**
 * Talks to the journey API (ForgeRock AM's /json/authenticate shape, see docs/journey-api):
 * POST /realms/{realm}/authenticate?flow=<flow>, first with an empty body, then with the whole
 * previous step and its input values filled in. Same origin; the session cookie travels with it.
 */

import { locale, t } from './i18n.js';

/** X-Arbor-Client: a header no cross-site HTML form can send (the SDK sends it too). */
function headers() {
  return { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': locale(),
    'X-Arbor-Client': 'default-ui' };
}

/** The journey endpoint for a realm and (optional) federation login flow. */
export function journeyUrl(realm, flow) {
  const path = `/realms/${encodeURIComponent(realm)}/authenticate`;
  return flow ? `${path}?flow=${encodeURIComponent(flow)}` : path;
}

/**
 * Posts a step (or nothing, to start) and classifies the answer:
 * {kind:'step', step} | {kind:'success', successUrl} | {kind:'failure', message} | {kind:'error', message}.
 */
export async function submitStep(url, step) {
  let response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'include',
      cache: 'no-store',
      headers: headers(),
      body: step === undefined ? undefined : JSON.stringify(step),
    });
  } catch {
    return { kind: 'error', message: t('unreachable') };
  }
  const body = await readJson(response);
  if (response.ok && body && Array.isArray(body.callbacks)) {
    return { kind: 'step', step: body };
  }
  if (response.ok && body && typeof body.successUrl === 'string' && !body.authId) {
    return { kind: 'success', successUrl: body.successUrl };
  }
  if (response.status === 401) {
    return { kind: 'failure', message: nonEmptyString(body && body.message) || t('failure') };
  }
  const detail = body && (nonEmptyString(body.detail) || nonEmptyString(body.message) || nonEmptyString(body.title));
  return { kind: 'error', message: detail || `Sign-in could not continue (HTTP ${response.status}).` };
}

async function readJson(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function nonEmptyString(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
