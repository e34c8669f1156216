import type { PforteErrorCode } from '@pforte/core';

/** English title and German/English detail per code. The widget shows its own translations; these serve other clients and logs. */
const texts: Record<PforteErrorCode, { title: string; de: string; en: string }> = {
  'identifier.unavailable': {
    title: 'Username unavailable',
    de: 'Dieser Benutzername ist nicht verfügbar.',
    en: 'This username is not available.',
  },
  'identifier.invalid': {
    title: 'Invalid username',
    de: 'Der Benutzername muss 3 bis 254 Zeichen ohne Leerzeichen haben.',
    en: 'The username must have 3 to 254 characters without spaces.',
  },
  'password.too_short': { title: 'Password too short', de: 'Das Passwort ist zu kurz.', en: 'The password is too short.' },
  'password.rejected': {
    title: 'Password rejected',
    de: 'Das Passwort erfüllt die Anforderungen nicht.',
    en: 'The password does not meet the requirements.',
  },
  'password.common': {
    title: 'Password too common',
    de: 'Dieses Passwort wird zu häufig verwendet.',
    en: 'This password is too commonly used.',
  },
  'password.breached': {
    title: 'Password found in a data breach',
    de: 'Dieses Passwort ist aus einem Datenleck bekannt.',
    en: 'This password is known from a data breach.',
  },
  'phone.invalid': {
    title: 'Invalid phone number',
    de: 'Die Mobilfunknummer ist ungültig.',
    en: 'The mobile number is not valid.',
  },
  'pin.invalid': { title: 'Invalid PIN', de: 'Die PIN muss 4 bis 12 Ziffern haben.', en: 'The PIN must have 4 to 12 digits.' },
  'pin.trivial': { title: 'PIN too simple', de: 'Diese PIN ist zu leicht zu erraten.', en: 'This PIN is too easy to guess.' },
  'code.invalid': { title: 'Wrong code', de: 'Der Code stimmt nicht.', en: 'The code is not correct.' },
  'code.expired': {
    title: 'Code expired',
    de: 'Der Code ist abgelaufen oder wurde schon verwendet.',
    en: 'The code has expired or was already used.',
  },
  'code.max_attempts': {
    title: 'Too many wrong codes',
    de: 'Zu viele falsche Eingaben. Fordern Sie einen neuen Code an.',
    en: 'Too many wrong tries. Request a new code.',
  },
  rate_limited: { title: 'Too many requests', de: 'Bitte warten Sie einen Moment.', en: 'Please wait a moment.' },
  'flow.expired': {
    title: 'Registration expired',
    de: 'Die Registrierung ist abgelaufen.',
    en: 'The registration has expired.',
  },
  'flow.unknown': { title: 'Unknown registration', de: 'Diese Registrierung gibt es nicht.', en: 'This registration does not exist.' },
  'link.expired': { title: 'Link expired', de: 'Der Registrierungslink ist abgelaufen.', en: 'The registration link has expired.' },
  'link.used': {
    title: 'Already registered',
    de: 'Diese Registrierung ist bereits abgeschlossen.',
    en: 'This registration is already complete.',
  },
  'link.invalid': { title: 'Invalid link', de: 'Dieser Link ist ungültig.', en: 'This link is not valid.' },
  'profile.invalid': {
    title: 'Invalid personal data',
    de: 'Eine Angabe ist ungültig.',
    en: 'One of the entries is not valid.',
  },
  'customer.mismatch': {
    title: 'Customer not found',
    de: 'Kundennummer und E-Mail-Adresse passen nicht zusammen.',
    en: 'Customer number and e-mail address do not match.',
  },
  'captcha.invalid': {
    title: 'Captcha not solved',
    de: 'Die Sicherheitsabfrage wurde nicht gelöst. Bitte versuchen Sie es erneut.',
    en: 'The security check was not solved. Please try again.',
  },
  'organization.not_found': {
    title: 'Organization not found',
    de: 'Zu Kundennummer und Postleitzahl gibt es keine Praxis.',
    en: 'No organization matches this customer number and postal code.',
  },
  'organization.full': {
    title: 'Organization full',
    de: 'Die Höchstzahl an Benutzern ist erreicht.',
    en: 'The maximum number of users has been reached.',
  },
  'organization.invalid': {
    title: 'Invalid organization data',
    de: 'Eine Angabe zur Praxis ist ungültig.',
    en: 'One of the organization details is not valid.',
  },
  'terms.required': {
    title: 'Terms not accepted',
    de: 'Bitte akzeptieren Sie die aktuellen Nutzungsbedingungen.',
    en: 'Please accept the current terms.',
  },
  'step.required': {
    title: 'Step missing',
    de: 'Ein vorheriger Schritt fehlt noch.',
    en: 'An earlier step is still missing.',
  },
  'step.unavailable': {
    title: 'Step not offered',
    de: 'Dieser Schritt gehört nicht zu dieser Registrierung.',
    en: 'This step is not part of this registration.',
  },
  'product.unknown': {
    title: 'Unknown product',
    de: 'Dieses Produkt ist hier nicht eingerichtet.',
    en: 'This product is not set up here.',
  },
  'input.invalid': {
    title: 'Invalid input',
    de: 'Eine Angabe enthält unzulässige Zeichen oder Werte.',
    en: 'An entry holds characters or values that are not allowed.',
  },
  'session.required': {
    title: 'Not signed in',
    de: 'Bitte melden Sie sich an.',
    en: 'Please sign in.',
  },
  'reauth.required': {
    title: 'Sign-in too long ago',
    de: 'Bitte melden Sie sich zur Sicherheit erneut an.',
    en: 'For your security, please sign in again.',
  },
  'permission.denied': {
    title: 'Not allowed',
    de: 'Dazu sind Sie nicht berechtigt.',
    en: 'You are not allowed to do this.',
  },
  'member.unknown': {
    title: 'Unknown member',
    de: 'Diese Person ist nicht (mehr) Mitglied oder hat keine offene Anfrage.',
    en: 'This person is no (longer a) member and has no open request.',
  },
  network: { title: 'Service unavailable', de: 'Der Dienst ist nicht erreichbar.', en: 'The service is unavailable.' },
  timeout: { title: 'Timeout', de: 'Die Anfrage hat zu lange gedauert.', en: 'The request took too long.' },
  'response.invalid': { title: 'Bad gateway', de: 'Ungültige Antwort.', en: 'Invalid answer.' },
  unknown: {
    title: 'Unexpected error',
    de: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
    en: 'Something went wrong. Please try again.',
  },
};

/** Title (English, stable) and detail (German or English) of a problem. */
export function problemText(code: PforteErrorCode, locale: string): { title: string; detail: string } {
  const text = texts[code];
  return { title: text.title, detail: locale === 'de' ? text.de : text.en };
}
