/**
 * The default UI's own words in English, Dutch and German. What a tree asks (prompts, messages) comes
 * from the server in the language the journey negotiated; these are the page's labels around it.
 * The language: the first of OIDC `ui_locales` (passed to the page as ?ui_locales=) the realm offers,
 * else the first of the browser's languages it offers, else the realm's default.
 */

export const MESSAGES = Object.freeze({
  en: Object.freeze({
    leaving: 'You are being sent on to continue signing in.',
    totpQrAlt: 'QR code to add this account to your authenticator app',
    totpManualKey: 'Cannot scan it? Enter this key in the app:',
    title: 'Sign in',
    submit: 'Sign in',
    continue: 'Continue',
    restart: 'Start again',
    wait: 'Please wait…',
    redirecting: 'Signed in. Redirecting…',
    noscript: 'Signing in needs JavaScript. Please enable it and reload this page.',
    incompleteLink: 'This sign-in link is incomplete. Go back to the application and start signing in again.',
    unreachable: 'The sign-in service could not be reached. Check your connection and try again.',
    badAddress: 'The sign-in service answered with an unusable address.',
    failure: 'Login failure',
    username: 'User name',
    password: 'Password',
    answer: 'Answer',
    chooseOne: 'Choose one',
    unsupported: 'This sign-in step needs "{type}", which this page cannot show yet. Please contact your administrator.',
    passkeyWorking: 'Follow your browser’s prompt to use your passkey.',
    passkeyRetry: 'Try again',
    passkeyCancelled: 'The passkey request was cancelled or timed out.',
    passkeyUnsupported: 'This browser does not support passkeys.',
    passkeyRegister: 'Register a passkey',
    passkeySignIn: 'Sign in with a passkey',
    passkeyCreating: 'Follow your browser’s prompt to create a passkey.',
    passkeyCreate: 'Create a passkey',
    passkeyUse: 'Use a passkey',
    passkeyExists: 'This authenticator already holds a passkey for this account.',
    passkeyUnusable: 'This authenticator cannot be used here.',
    passkeyWrongAddress: 'Passkeys are not allowed on this page’s address.',
    passkeyFailed: 'The passkey could not be used.',
  }),
  nl: Object.freeze({
    leaving: 'U wordt doorgestuurd om het inloggen voort te zetten.',
    totpQrAlt: 'QR-code om dit account aan uw authenticator-app toe te voegen',
    totpManualKey: 'Lukt scannen niet? Voer deze sleutel in de app in:',
    title: 'Inloggen',
    submit: 'Inloggen',
    continue: 'Doorgaan',
    restart: 'Opnieuw beginnen',
    wait: 'Een ogenblik…',
    redirecting: 'Ingelogd. U wordt doorgestuurd…',
    noscript: 'Voor inloggen is JavaScript nodig. Zet het aan en laad deze pagina opnieuw.',
    incompleteLink: 'Deze inloglink is onvolledig. Ga terug naar de applicatie en begin opnieuw met inloggen.',
    unreachable: 'De inlogdienst is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    badAddress: 'De inlogdienst antwoordde met een onbruikbaar adres.',
    failure: 'Inloggen mislukt',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    answer: 'Antwoord',
    chooseOne: 'Kies er een',
    unsupported: 'Deze inlogstap vraagt om "{type}", wat deze pagina nog niet kan tonen. Neem contact op met uw beheerder.',
    passkeyWorking: 'Volg de aanwijzingen van uw browser om uw passkey te gebruiken.',
    passkeyRetry: 'Opnieuw proberen',
    passkeyCancelled: 'Het passkey-verzoek is geannuleerd of verlopen.',
    passkeyUnsupported: 'Deze browser ondersteunt geen passkeys.',
    passkeyRegister: 'Een passkey registreren',
    passkeySignIn: 'Inloggen met een passkey',
    passkeyCreating: 'Volg de aanwijzingen van uw browser om een passkey te maken.',
    passkeyCreate: 'Passkey maken',
    passkeyUse: 'Passkey gebruiken',
    passkeyExists: 'Deze authenticator heeft al een passkey voor dit account.',
    passkeyUnusable: 'Deze authenticator kan hier niet worden gebruikt.',
    passkeyWrongAddress: 'Passkeys zijn op het adres van deze pagina niet toegestaan.',
    passkeyFailed: 'De passkey kon niet worden gebruikt.',
  }),
  de: Object.freeze({
    leaving: 'Sie werden weitergeleitet, um die Anmeldung fortzusetzen.',
    totpQrAlt: 'QR-Code, um dieses Konto zu Ihrer Authenticator-App hinzuzufügen',
    totpManualKey: 'Scannen nicht möglich? Geben Sie diesen Schlüssel in der App ein:',
    title: 'Anmelden',
    submit: 'Anmelden',
    continue: 'Weiter',
    restart: 'Neu beginnen',
    wait: 'Bitte warten…',
    redirecting: 'Angemeldet. Sie werden weitergeleitet…',
    noscript: 'Für die Anmeldung wird JavaScript benötigt. Bitte aktivieren Sie es und laden Sie die Seite neu.',
    incompleteLink: 'Dieser Anmeldelink ist unvollständig. Kehren Sie zur Anwendung zurück und melden Sie sich erneut an.',
    unreachable: 'Der Anmeldedienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    badAddress: 'Der Anmeldedienst hat mit einer unbrauchbaren Adresse geantwortet.',
    failure: 'Anmeldung fehlgeschlagen',
    username: 'Benutzername',
    password: 'Passwort',
    answer: 'Antwort',
    chooseOne: 'Bitte wählen',
    unsupported: 'Dieser Anmeldeschritt benötigt "{type}", was diese Seite noch nicht anzeigen kann. Wenden Sie sich an Ihre Administration.',
    passkeyWorking: 'Folgen Sie den Anweisungen Ihres Browsers, um Ihren Passkey zu verwenden.',
    passkeyRetry: 'Erneut versuchen',
    passkeyCancelled: 'Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen.',
    passkeyUnsupported: 'Dieser Browser unterstützt keine Passkeys.',
    passkeyRegister: 'Passkey registrieren',
    passkeySignIn: 'Mit einem Passkey anmelden',
    passkeyCreating: 'Folgen Sie den Anweisungen Ihres Browsers, um einen Passkey zu erstellen.',
    passkeyCreate: 'Passkey erstellen',
    passkeyUse: 'Passkey verwenden',
    passkeyExists: 'Dieser Authenticator enthält bereits einen Passkey für dieses Konto.',
    passkeyUnusable: 'Dieser Authenticator kann hier nicht verwendet werden.',
    passkeyWrongAddress: 'Passkeys sind unter der Adresse dieser Seite nicht erlaubt.',
    passkeyFailed: 'Der Passkey konnte nicht verwendet werden.',
  }),
});

/**
 * The language to use: the first tag of `uiLocales` (space-separated) whose primary language is
 * offered, else the first such browser language, else `fallback`.
 */
export function chooseLocale(uiLocales, browserLanguages, offered, fallback = 'en') {
  const usable = offered.filter((tag) => tag in MESSAGES);
  const candidates = [...String(uiLocales || '').split(/\s+/), ...(browserLanguages || [])];
  for (const candidate of candidates) {
    const primary = candidate.toLowerCase().split('-')[0];
    if (usable.includes(primary)) {
      return primary;
    }
  }
  return usable.includes(fallback) ? fallback : 'en';
}

/** A lookup for one language: t('unsupported', {type: 'X'}); unknown keys fall back to English. */
export function translator(locale) {
  const messages = MESSAGES[locale] || MESSAGES.en;
  return (key, vars = {}) => String(messages[key] ?? MESSAGES.en[key] ?? key)
    .replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
}

let current = translator('en');
let currentLocale = 'en';

/** Sets the page's language (also `<html lang>`); every later t() call answers in it. */
export function setLocale(locale, doc = globalThis.document) {
  currentLocale = locale in MESSAGES ? locale : 'en';
  current = translator(currentLocale);
  if (doc && doc.documentElement) {
    doc.documentElement.lang = currentLocale;
  }
}

/** The page's language, e.g. for Accept-Language on journey requests. */
export function locale() {
  return currentLocale;
}

/** A message of the page's language. */
export function t(key, vars) {
  return current(key, vars);
}
