/**
 * What a message is about: the product the person registers for (its
 * config's `product`) and the flow's locale.
 */
export interface MessageContext {
  /** The product's name as people know it, e.g. "Videosprechstunde". */
  product: string;
  /** The flow's locale: German for `de` and `de-…`, English otherwise. */
  locale: string;
}

/** An e-mail's subject and plain text. */
export interface EmailText {
  subject: string;
  text: string;
}

/** The German texts when the flow's locale is German, else the English ones. */
function isGerman(locale: string): boolean {
  return /^de(-|$)/i.test(locale);
}

/**
 * The host of the WebOTP line for a page origin: the origin's host name
 * without port, and only where the SMS format allows one (letters, digits,
 * dots and hyphens: no IPv6 address, no port). Otherwise none.
 */
export function webOtpHost(origin: string | undefined): string | undefined {
  if (origin === undefined) return undefined;
  let hostname: string;
  try {
    hostname = new URL(origin).hostname;
  } catch {
    return undefined;
  }
  return /^[a-z0-9.-]+$/i.test(hostname) ? hostname : undefined;
}

/**
 * The texts a backend sends, the same from every backend: in the person's
 * language and naming the product, never the library.
 */
export const messageTexts = {
  /**
   * An SMS code. With `host` (the host of the page the widget runs on) the
   * last line is the origin-bound code of the WebOTP format, `@host #code`,
   * which lets the browser offer the code to that page and to no other.
   */
  smsCode(code: string, context: MessageContext & { host?: string | undefined }): string {
    const text = isGerman(context.locale)
      ? `Ihr Code für ${context.product}: ${code}. Geben Sie ihn an niemanden weiter.`
      : `Your ${context.product} code: ${code}. Do not share it with anyone.`;
    return context.host === undefined ? text : `${text}\n\n@${context.host} #${code}`;
  },

  /** An e-mail with a one-time code valid for `validityMinutes`. */
  emailCode(code: string, validityMinutes: number, context: MessageContext): EmailText {
    const { product } = context;
    return isGerman(context.locale)
      ? {
          subject: `${code} ist Ihr Code für ${product}`,
          text: `Guten Tag,\n\nIhr Code für ${product} lautet: ${code}\n\nEr ist ${validityMinutes} Minuten gültig. Geben Sie ihn an niemanden weiter. Wenn Sie keinen Code angefordert haben, können Sie diese E-Mail ignorieren.`,
        }
      : {
          subject: `${code} is your ${product} code`,
          text: `Hello,\n\nyour ${product} code is: ${code}\n\nIt is valid for ${validityMinutes} minutes. Do not share it with anyone. If you did not ask for a code, you can ignore this e-mail.`,
        };
  },

  /** An e-mail with the link that confirms the address, valid for `validityHours`. */
  verification(link: string, validityHours: number, context: MessageContext): EmailText {
    const { product } = context;
    return isGerman(context.locale)
      ? {
          subject: `Bestätigen Sie Ihre E-Mail-Adresse für ${product}`,
          text: `Guten Tag,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für ${product} mit diesem Link:\n\n${link}\n\nDer Link ist ${validityHours} Stunden gültig. Wenn Sie sich nicht registriert haben, können Sie diese E-Mail ignorieren.`,
        }
      : {
          subject: `Confirm your e-mail address for ${product}`,
          text: `Hello,\n\nplease confirm your e-mail address for ${product} with this link:\n\n${link}\n\nThe link is valid for ${validityHours} hours. If you did not register, you can ignore this e-mail.`,
        };
  },

  /** An e-mail with a password-reset link, valid for `validityMinutes` (the subject as the seed's FAQ names it: „Neues Passwort für …“). */
  passwordReset(link: string, validityMinutes: number, context: MessageContext): EmailText {
    const { product } = context;
    return isGerman(context.locale)
      ? {
          subject: `Neues Passwort für ${product}`,
          text: `Guten Tag,\n\nmit diesem Link vergeben Sie ein neues Passwort für ${product}:\n\n${link}\n\nDer Link ist ${validityMinutes} Minuten gültig und funktioniert einmal. Wenn Sie kein neues Passwort angefordert haben, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.`,
        }
      : {
          subject: `New password for ${product}`,
          text: `Hello,\n\nuse this link to set a new password for ${product}:\n\n${link}\n\nThe link is valid for ${validityMinutes} minutes and works once. If you did not ask for a new password, you can ignore this e-mail; your password stays unchanged.`,
        };
  },

  /**
   * An e-mail that lets someone an account was created for (by a practice, an
   * admin) set their own first password, with a link valid for `validityHours`.
   */
  accountInvitation(link: string, validityHours: number, context: MessageContext): EmailText {
    const { product } = context;
    return isGerman(context.locale)
      ? {
          subject: `Ihr Zugang zu ${product}`,
          text: `Guten Tag,\n\nfür Sie wurde ein Zugang zu ${product} eingerichtet. Mit diesem Link legen Sie Ihr Passwort fest:\n\n${link}\n\nDer Link ist ${validityHours} Stunden gültig und funktioniert einmal. Danach melden Sie sich mit Ihrem Passwort an.`,
        }
      : {
          subject: `Your access to ${product}`,
          text: `Hello,\n\nan account for ${product} was set up for you. Use this link to set your password:\n\n${link}\n\nThe link is valid for ${validityHours} hours and works once. Then sign in with your password.`,
        };
  },

  /**
   * A guest invitation (access by TAN, no account): the link, and the one-time
   * code when it comes with the link (else `code` is undefined and it follows
   * in a message of its own).
   */
  guestInvitation(link: string, code: string | undefined, validityHours: number, context: MessageContext): EmailText {
    const { product } = context;
    if (isGerman(context.locale)) {
      const codeLine = code === undefined ? 'Ihren einmaligen Code erhalten Sie in einer eigenen Nachricht.' : `Ihr einmaliger Code: ${code}`;
      return {
        subject: `Ihre Einladung zu ${product}`,
        text: `Guten Tag,\n\nSie sind zu ${product} eingeladen, ohne sich registrieren zu müssen. Öffnen Sie diesen Link und wählen Sie „Anmeldung mit TAN“:\n\n${link}\n\n${codeLine}\n\nDie Einladung ist ${validityHours} Stunden gültig. Geben Sie Link und Code an niemanden weiter.`,
      };
    }
    const codeLine = code === undefined ? 'Your one-time code follows in a message of its own.' : `Your one-time code: ${code}`;
    return {
      subject: `Your invitation to ${product}`,
      text: `Hello,\n\nyou are invited to ${product} without registering. Open this link and choose "Sign in with TAN":\n\n${link}\n\n${codeLine}\n\nThe invitation is valid for ${validityHours} hours. Do not share the link or the code with anyone.`,
    };
  },

  /** The one-time code of a guest invitation, sent apart from its link (e-mail). */
  guestCode(code: string, context: MessageContext): EmailText {
    const { product } = context;
    return isGerman(context.locale)
      ? { subject: `Ihr Code für ${product}`, text: `Guten Tag,\n\nIhr einmaliger Code für die Einladung zu ${product}: ${code}\n\nGeben Sie ihn an niemanden weiter.` }
      : { subject: `Your ${product} code`, text: `Hello,\n\nyour one-time code for the invitation to ${product}: ${code}\n\nDo not share it with anyone.` };
  },
};
