/**
 * The demo page's own texts, in the widget's two languages: the page speaks
 * the language the widget speaks and switches with it. index.html carries the
 * German ones, so nothing moves when the page starts in German.
 */
export const pageTexts = {
  de: {
    title: 'Pforte – Demo',
    docs: 'Dokumentation',
    configReference: 'Konfigurationsreferenz',
    httpContract: 'HTTP-Vertrag',
    benchmarks: 'Messwerte',
    storybookHint: 'starten mit',
    settings: 'Einstellungen der Demo',
    product: 'Produkt',
    language: 'Sprache',
    backend: 'Backend',
    backendMemory: 'Memory-Adapter im Browser',
    backendServer: 'Referenzserver (PGlite)',
    theme: 'Darstellung',
    themeSystem: 'Wie das System',
    themeLight: 'Hell',
    themeDark: 'Dunkel',
    reset: 'Demodaten zurücksetzen',
    registration: 'Registrierung',
    backendSaw: 'Was das Backend gesehen hat',
    outbox: 'Postausgang',
    events: 'Ereignisse',
    backendIsMemory: 'Backend: der Memory-Adapter im Browser (für jedes Widget ein neuer), weil {0}.',
    becauseChosen: 'Sie ihn in der Auswahl „Backend“ gewählt haben',
    becauseNoStart: 'diese Seite ohne npm start ausgeliefert wird',
    backendIsServer: 'Backend: der Referenzserver (@pforte/server) mit eingebettetem PGlite, Daten in .pforte-data/, weil npm start ihn betreibt.',
    outboxMemory: 'SMS und E-Mails, die der Memory-Adapter „versendet“ hat.',
    outboxServer: 'SMS, die der Entwicklungs-Versand des Servers aufgezeichnet hat (GET /pforte/dev/outbox), seit dieses Widget geladen wurde.',
    outboxNone: 'Der Server hat keinen Entwicklungs-Postausgang (NODE_ENV=production).',
    resetHintLink: 'Dieses Produkt beginnt mit einem Registrierungslink, der nur einmal gilt: Setzen Sie nach der Registrierung die Demodaten zurück, um ihn wieder zu nutzen.',
    resetHintUsed: 'Benutzernamen und Registrierungslinks bleiben in der Datenbank belegt, bis Sie die Demodaten zurücksetzen.',
    resetting: 'Demodaten werden zurückgesetzt …',
    resetDone: 'Demodaten zurückgesetzt: eine leere Datenbank mit den Daten der Demoprodukte; Registrierungslinks gelten wieder.',
    resetFailed: 'Das Zurücksetzen ist fehlgeschlagen: {0}',
    anotherRegistration: 'Weitere Person registrieren',
  },
  en: {
    title: 'Pforte – Demo',
    docs: 'Docs',
    configReference: 'config reference',
    httpContract: 'HTTP contract',
    benchmarks: 'benchmarks',
    storybookHint: 'run',
    settings: 'Demo settings',
    product: 'Product',
    language: 'Language',
    backend: 'Backend',
    backendMemory: 'In-browser memory adapter',
    backendServer: 'Reference server (PGlite)',
    theme: 'Theme',
    themeSystem: 'System',
    themeLight: 'Light',
    themeDark: 'Dark',
    reset: 'Reset demo data',
    registration: 'Registration',
    backendSaw: 'What the backend saw',
    outbox: 'Outbox',
    events: 'Events',
    backendIsMemory: 'Backend: the in-browser memory adapter (a fresh one per widget), because {0}.',
    becauseChosen: 'you chose it in the Backend switch',
    becauseNoStart: 'this page is served without npm start',
    backendIsServer: 'Backend: the reference server (@pforte/server) on embedded PGlite, data in .pforte-data/, because npm start runs it.',
    outboxMemory: 'SMS and e-mails the memory adapter “sent”.',
    outboxServer: 'SMS the server’s development sender recorded (GET /pforte/dev/outbox), since this widget was mounted.',
    outboxNone: 'The server has no development outbox (NODE_ENV=production).',
    resetHintLink: 'This product starts from a registration link, which works once: after registering with it, reset the demo data to use it again.',
    resetHintUsed: 'Usernames and registration links stay used in the database until you reset the demo data.',
    resetting: 'Resetting the demo data …',
    resetDone: 'Demo data reset: an empty database with the demo products’ data; registration links work again.',
    resetFailed: 'The reset failed: {0}',
    anotherRegistration: 'Register another person',
  },
} as const;

export type PageLocale = keyof typeof pageTexts;
export type PageText = keyof (typeof pageTexts)['de'];

/** The text `key` in `locale`, with `{0}` replaced by `value`. */
export function pageText(locale: PageLocale, key: PageText, value = ''): string {
  return pageTexts[locale][key].replace('{0}', value);
}

/** Sets every `[data-text]` element's text and every `[data-label]` element's aria-label, and the title. */
export function applyPageTexts(locale: PageLocale): void {
  document.documentElement.lang = locale;
  document.title = pageText(locale, 'title');
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) {
    element.textContent = pageText(locale, element.dataset['text'] as PageText);
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-label]')) {
    element.setAttribute('aria-label', pageText(locale, element.dataset['label'] as PageText));
  }
}
