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

  /** An e-mail to a person who asked to join `organization`: a member approved or denied the request. */
  joinDecision(approved: boolean, organization: string, context: MessageContext): EmailText {
    const { product } = context;
    if (isGerman(context.locale)) {
      return approved
        ? {
            subject: `Ihre Anfrage für ${organization} wurde angenommen`,
            text: `Guten Tag,\n\nIhre Anfrage, ${organization} in ${product} beizutreten, wurde angenommen. Sie können sich jetzt anmelden und als Mitglied arbeiten.`,
          }
        : {
            subject: `Ihre Anfrage für ${organization} wurde abgelehnt`,
            text: `Guten Tag,\n\nIhre Anfrage, ${organization} in ${product} beizutreten, wurde abgelehnt. Wenn Sie glauben, dass das ein Irrtum ist, wenden Sie sich bitte direkt an ${organization}.`,
          };
    }
    return approved
      ? {
          subject: `Your request for ${organization} was approved`,
          text: `Hello,\n\nyour request to join ${organization} in ${product} was approved. You can now sign in and work as a member.`,
        }
      : {
          subject: `Your request for ${organization} was declined`,
          text: `Hello,\n\nyour request to join ${organization} in ${product} was declined. If you think this is a mistake, please contact ${organization} directly.`,
        };
  },
};
