
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'checklist.label': `Passwortanforderungen`,
'checklist.met': `(erfüllt)`,
'checklist.summary': str`${0} von ${1} Anforderungen erfüllt`,
'checklist.unmet': `(nicht erfüllt)`,
'common.loading': `Wird geladen…`,
'common.pending': `Bitte warten…`,
'common.retry': `Erneut versuchen`,
'credentials.email': `E-Mail-Adresse`,
'credentials.email.invalid': `Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.`,
'credentials.email.missing': `Bitte geben Sie Ihre E-Mail-Adresse ein.`,
'credentials.heading': `Benutzername und Passwort festlegen`,
'credentials.intro': `Die Passwortanforderungen sehen Sie unten; erfüllte Anforderungen werden während der Eingabe grün abgehakt.`,
'credentials.password': `Passwort`,
'credentials.password.missing': `Bitte legen Sie ein Passwort fest.`,
'credentials.password.unmet': `Das Passwort erfüllt noch nicht alle Anforderungen.`,
'credentials.show': `Passwort anzeigen`,
'credentials.submit': `Bestätigen & Fortfahren`,
'credentials.username': `Benutzername`,
'credentials.username.missing': `Bitte geben Sie einen Benutzernamen ein.`,
'done.body': `Ihr Account ist freigeschaltet.`,
'done.body.product': str`Ihr Account ist freigeschaltet. Sie können ${0} jetzt nutzen.`,
'done.heading': `Registrierung abgeschlossen`,
'done.username': str`Ihr Benutzername: ${0}`,
'error.code.expired': `Dieser Code ist abgelaufen. Bitte fordern Sie einen neuen Code an.`,
'error.code.invalid': `Der Code ist nicht korrekt.`,
'error.code.invalid.attempts': str`Der Code ist nicht korrekt. Verbleibende Versuche: ${0}.`,
'error.code.max_attempts': `Zu viele Fehlversuche. Dieser Code kann nicht mehr verwendet werden; bitte fordern Sie einen neuen Code an.`,
'error.flow.expired': `Diese Registrierung ist abgelaufen. Bitte beginnen Sie erneut.`,
'error.identifier.invalid': `Bitte prüfen Sie diese Eingabe.`,
'error.identifier.unavailable': `Dieser Benutzername kann nicht verwendet werden. Bitte wählen Sie einen anderen.`,
'error.link.expired': `Dieser Registrierungslink ist abgelaufen. Bitte fordern Sie einen neuen an.`,
'error.link.used': `Sie sind bereits registriert. Bitte melden Sie sich an.`,
'error.network': `Keine Verbindung zum Server. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.`,
'error.password.rejected': `Dieses Passwort wurde nicht akzeptiert. Bitte wählen Sie ein anderes.`,
'error.password.too_short': `Dieses Passwort ist zu kurz.`,
'error.phone.invalid': `Bitte geben Sie eine gültige Mobilfunknummer ein.`,
'error.pin.invalid': `Diese PIN ist ungültig.`,
'error.pin.trivial': `Diese PIN ist zu leicht zu erraten. Vermeiden Sie gleiche Ziffern und Zahlenfolgen.`,
'error.rate_limited': `Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.`,
'error.rate_limited.seconds': str`Zu viele Anfragen. Bitte versuchen Sie es in ${0} Sekunden erneut.`,
'error.step.required': `Bitte schließen Sie zuerst die vorherigen Schritte ab.`,
'error.timeout': `Der Server hat zu lange nicht geantwortet. Bitte versuchen Sie es erneut.`,
'error.unknown': `Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.`,
'rule.digit': `Eine Ziffer`,
'rule.lowercase': `Ein Kleinbuchstabe`,
'rule.maxLength': str`Höchstens ${0} Zeichen`,
'rule.minLength': str`Mindestens ${0} Zeichen`,
'rule.notBlocklisted': `Kein häufig verwendetes Passwort`,
'rule.notIdentifier': `Enthält nicht Ihren Benutzernamen`,
'rule.symbol': `Ein Sonderzeichen (z. B. ! ? # oder ein Leerzeichen)`,
'rule.uppercase': `Ein Großbuchstabe`,
'signup.configInvalid': `Diese Registrierung kann nicht starten: Ihre Konfiguration ist ungültig.`,
'signup.finishing': `Ihre Registrierung wird abgeschlossen…`,
'signup.noAdapter': `Diese Registrierung kann nicht starten: Es ist kein Backend verbunden.`,
'signup.progress': str`Schritt ${0} von ${1}`,
    };
  