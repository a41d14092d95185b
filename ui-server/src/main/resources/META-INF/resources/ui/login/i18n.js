/**
 * The default UI's own words in English, Dutch and German. What a tree asks (prompts, messages) comes
 * from the server in the language the journey negotiated; these are the page's labels around it.
 * The language: the first of OIDC `ui_locales` (passed to the page as ?ui_locales=) the realm offers,
 * else the first of the browser's languages it offers, else the realm's default.
 */

export const MESSAGES = Object.freeze({
  en: Object.freeze({
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
    unsupported: 'This step cannot be shown here ({type}).',
    passkeyWorking: 'Follow your browser’s prompt to use your passkey.',
    passkeyRetry: 'Try again',
    passkeyCancelled: 'The passkey request was cancelled or timed out.',
    passkeyUnsupported: 'This browser does not support passkeys.',
  }),
  nl: Object.freeze({
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
    unsupported: 'Deze stap kan hier niet worden getoond ({type}).',
    passkeyWorking: 'Volg de aanwijzingen van uw browser om uw passkey te gebruiken.',
    passkeyRetry: 'Opnieuw proberen',
    passkeyCancelled: 'Het passkey-verzoek is geannuleerd of verlopen.',
    passkeyUnsupported: 'Deze browser ondersteunt geen passkeys.',
  }),
  de: Object.freeze({
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
    unsupported: 'Dieser Schritt kann hier nicht angezeigt werden ({type}).',
    passkeyWorking: 'Folgen Sie den Anweisungen Ihres Browsers, um Ihren Passkey zu verwenden.',
    passkeyRetry: 'Erneut versuchen',
    passkeyCancelled: 'Die Passkey-Anfrage wurde abgebrochen oder ist abgelaufen.',
    passkeyUnsupported: 'Dieser Browser unterstützt keine Passkeys.',
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
