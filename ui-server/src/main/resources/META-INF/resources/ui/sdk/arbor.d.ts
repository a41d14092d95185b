/**
 * Arbor JS SDK v1 — type declarations for /ui/sdk/arbor.js (ES module) and /ui/sdk/arbor.classic.js
 * (classic script; the same names on `window.Arbor`). Guide: docs/guides/custom-ui.md.
 */

export declare const VERSION: string;

/** The header every journey request carries (CSRF defence for the cross-origin journey API). */
export declare const CSRF_HEADER: 'X-Arbor-Client';

export type ArborErrorCode =
  | 'login_failure'
  | 'network_error'
  | 'popup_blocked'
  | 'popup_closed'
  | 'timeout'
  | 'invalid_state'
  | 'invalid_response'
  | 'invalid_config'
  | 'invalid_input'
  | 'webauthn_unsupported'
  | 'webauthn_cancelled'
  | 'webauthn_failed'
  | `http_${number}`
  | string;

/** The one error type of the SDK: the server's code and message, or the SDK's own. */
export declare class ArborError extends Error {
  readonly name: 'ArborError';
  readonly code: ArborErrorCode;
  /** HTTP status when the error came from a response. */
  readonly status?: number;
  /** The server's short reason (e.g. "Unauthorized"), when it sent one. */
  readonly reason?: string;
  constructor(code: string, message?: string, details?: { status?: number; reason?: string; cause?: unknown });
}

/** What a callback asks for; a UI renders by kind, never by tree. */
export type CallbackKind =
  | 'name'
  | 'password'
  | 'text'
  | 'message'
  | 'choice'
  | 'confirmation'
  | 'hidden'
  | 'redirect'
  | 'webauthn-register'
  | 'webauthn-authenticate'
  | 'metadata'
  | 'unknown';

/** The journey API's callback JSON (ForgeRock AM shape). */
export interface RawCallback {
  type: string;
  _id?: number;
  output?: Array<{ name: string; value: unknown }>;
  input?: Array<{ name: string; value: unknown }>;
}

export interface RawStep {
  authId: string;
  header?: string;
  description?: string;
  stage?: string;
  callbacks: RawCallback[];
}

export declare class Callback {
  readonly raw: RawCallback;
  readonly type: string;
  readonly id: number | undefined;
  readonly kind: CallbackKind;
  /** The outputs by name (prompt, choices, messageType, publicKey, redirectUrl, ...). */
  readonly output: Readonly<Record<string, unknown>>;
  /** The text to show with the control (plain text, never HTML). */
  readonly prompt: string | undefined;
  /** Choice and confirmation labels, in order. */
  readonly choices: string[];
  /** The current answer. */
  readonly value: unknown;
  /** WebAuthn callbacks: the options JSON for navigator.credentials.create()/get(). */
  readonly publicKey: Record<string, unknown> | undefined;
  setValue(value: unknown): this;
}

export declare class Step {
  readonly type: 'step';
  readonly authId: string;
  readonly header: string;
  readonly description: string;
  readonly stage: string;
  readonly callbacks: Callback[];
  find(typeOrKind: string): Callback[];
  toJSON(): RawStep;
}

export interface Success {
  readonly type: 'success';
  /** Where to send the browser next (the waiting authorization request, or the realm's default). */
  readonly successUrl: string;
  readonly realm?: string;
}

export interface ClientOptions {
  realm: string;
  /** The Arbor origin, e.g. https://id.example.com (default: this page's origin). */
  baseUrl?: string;
  /** The tree start() uses when none is given. */
  tree?: string;
  /** Sent as Accept-Language. */
  locale?: string;
  fetch?: typeof fetch;
}

export interface JourneyClient {
  readonly realm: string;
  readonly baseUrl: string;
  start(options?: { tree?: string; flow?: string }): Promise<Step | Success>;
  next(step: Step): Promise<Step | Success>;
  resume(saved: string | RawStep, options?: { tree?: string; flow?: string }): Promise<Step>;
}

export declare function createClient(options: ClientOptions): JourneyClient;

export interface WebAuthnHelpers {
  isSupported(): boolean;
  isConditionalMediationAvailable(): Promise<boolean>;
  create(publicKeyJson: Record<string, unknown>, options?: { signal?: AbortSignal }): Promise<Record<string, unknown>>;
  get(publicKeyJson: Record<string, unknown>,
      options?: { mediation?: CredentialMediationRequirement; signal?: AbortSignal }): Promise<Record<string, unknown>>;
  /** Runs create() or get() for a WebAuthn callback and sets its value. */
  answer(callback: Callback, options?: { mediation?: CredentialMediationRequirement; signal?: AbortSignal }):
    Promise<Record<string, unknown>>;
}

export declare const webauthn: WebAuthnHelpers;

export declare function base64urlEncode(bytes: ArrayBuffer | ArrayBufferView): string;
export declare function base64urlDecode(text: string): Uint8Array;
export declare function randomToken(size?: number): string;
export declare function s256(verifier: string): Promise<string>;

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
}

export interface OidcClientOptions {
  /** The realm's issuer, e.g. https://id.example.com/realms/demo. */
  issuer: string;
  clientId: string;
  /** Registered exactly for the client; for popups, a page of this origin. */
  redirectUri: string;
  scope?: string;
  storage?: Storage;
  fetch?: typeof fetch;
}

export interface OidcClient {
  discover(): Promise<Record<string, unknown>>;
  loginWithRedirect(options?: { params?: Record<string, string> }): Promise<void>;
  handleRedirectCallback(url?: string): Promise<TokenResponse>;
  loginWithPopup(options?: { params?: Record<string, string>; timeoutMs?: number; features?: string }):
    Promise<TokenResponse>;
}

export declare function createOidcClient(options: OidcClientOptions): OidcClient;
