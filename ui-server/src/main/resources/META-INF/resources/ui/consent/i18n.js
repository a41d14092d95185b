/**
 * The consent page's words in English, Dutch and German, and the scope descriptions it knows (OIDC Core
 * §5.4 scopes); a scope it does not know is shown with the server's description, else by name.
 * The language is chosen as on the login page: OIDC ui_locales, then the browser's languages.
 */

export const MESSAGES = Object.freeze({
  en: Object.freeze({
    title: 'Allow access',
    intro: '{client} wants to access your account.',
    scopesHeading: 'It will be able to:',
    remember: 'Remember my decision',
    rememberFor: 'Remember my decision for {days} days',
    allow: 'Allow',
    deny: 'Deny',
    wait: 'Please wait…',
    redirecting: 'Returning to the application…',
    incompleteLink: 'This link is incomplete. Go back to the application and start again.',
    unreachable: 'The service could not be reached. Check your connection and try again.',
    expired: 'This request is unknown or has expired. Go back to the application and start again.',
    notYours: 'Sign in again to decide on this request.',
    decided: 'This request was already decided.',
    failed: 'Your decision could not be recorded (HTTP {status}).',
    badAddress: 'The service answered with an unusable address.',
    'scope.openid': 'Sign you in and know who you are',
    'scope.profile': 'See your name and username',
    'scope.email': 'See your email address',
    'scope.address': 'See your postal address',
    'scope.phone': 'See your phone number',
    'scope.offline_access': 'Keep access while you are away',
  }),
  nl: Object.freeze({
    title: 'Toegang toestaan',
    intro: '{client} wil toegang tot uw account.',
    scopesHeading: 'De applicatie kan dan:',
    remember: 'Mijn keuze onthouden',
    rememberFor: 'Mijn keuze {days} dagen onthouden',
    allow: 'Toestaan',
    deny: 'Weigeren',
    wait: 'Een ogenblik…',
    redirecting: 'Terug naar de applicatie…',
    incompleteLink: 'Deze link is onvolledig. Ga terug naar de applicatie en begin opnieuw.',
    unreachable: 'De dienst is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.',
    expired: 'Dit verzoek is onbekend of verlopen. Ga terug naar de applicatie en begin opnieuw.',
    notYours: 'Log opnieuw in om over dit verzoek te beslissen.',
    decided: 'Over dit verzoek is al beslist.',
    failed: 'Uw keuze kon niet worden vastgelegd (HTTP {status}).',
    badAddress: 'De dienst antwoordde met een onbruikbaar adres.',
    'scope.openid': 'U aanmelden en weten wie u bent',
    'scope.profile': 'Uw naam en gebruikersnaam zien',
    'scope.email': 'Uw e-mailadres zien',
    'scope.address': 'Uw postadres zien',
    'scope.phone': 'Uw telefoonnummer zien',
    'scope.offline_access': 'Toegang houden terwijl u weg bent',
  }),
  de: Object.freeze({
    title: 'Zugriff erlauben',
    intro: '{client} möchte auf Ihr Konto zugreifen.',
    scopesHeading: 'Die Anwendung kann dann:',
    remember: 'Meine Entscheidung merken',
    rememberFor: 'Meine Entscheidung {days} Tage lang merken',
    allow: 'Erlauben',
    deny: 'Ablehnen',
    wait: 'Bitte warten…',
    redirecting: 'Zurück zur Anwendung…',
    incompleteLink: 'Dieser Link ist unvollständig. Kehren Sie zur Anwendung zurück und beginnen Sie erneut.',
    unreachable: 'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    expired: 'Diese Anfrage ist unbekannt oder abgelaufen. Kehren Sie zur Anwendung zurück und beginnen Sie erneut.',
    notYours: 'Melden Sie sich erneut an, um über diese Anfrage zu entscheiden.',
    decided: 'Über diese Anfrage wurde bereits entschieden.',
    failed: 'Ihre Entscheidung konnte nicht gespeichert werden (HTTP {status}).',
    badAddress: 'Der Dienst antwortete mit einer unbrauchbaren Adresse.',
    'scope.openid': 'Sie anmelden und wissen, wer Sie sind',
    'scope.profile': 'Ihren Namen und Benutzernamen sehen',
    'scope.email': 'Ihre E-Mail-Adresse sehen',
    'scope.address': 'Ihre Postanschrift sehen',
    'scope.phone': 'Ihre Telefonnummer sehen',
    'scope.offline_access': 'Zugriff behalten, während Sie abwesend sind',
  }),
});

/** A lookup for one language: t('intro', {client: 'X'}); unknown keys fall back to English, then undefined. */
export function translator(locale) {
  const messages = MESSAGES[locale] || MESSAGES.en;
  return (key, vars = {}) => {
    const text = messages[key] ?? MESSAGES.en[key];
    return text === undefined ? undefined
      : String(text).replace(/\{(\w+)\}/g, (match, name) => (name in vars ? String(vars[name]) : match));
  };
}
