import type { Queryable } from './db.js';

/** One e-mail to send: a confirmation link or a one-time code. `link` and `code` are there for templates. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  /** The confirmation link (`…#pforte-email-token=…`) of a verification e-mail. */
  link?: string;
  /** The bare code of an e-mail code. */
  code?: string;
  flowId: string;
  sentAt: number;
}

/**
 * Sends e-mail: `createSmtpEmailSender` for any SMTP server, or your own
 * implementation around a provider's API. The same contract as `SmsSender`:
 * called inside the transaction that stores the token or code, so when it
 * throws nothing is stored and the caller gets an error; resolve only once
 * the provider accepted the message. `subject` and `text` are complete (the
 * person's language, the product's name); `link` and `code` are there for
 * providers that send templates of their own.
 *
 * @example
 * const emailSender: EmailSender = {
 *   async send({ to, subject, text }) {
 *     await provider.send({ from: 'noreply@praxis.example', to, subject, text }); // throws when refused
 *   },
 * };
 */
export interface EmailSender {
  /** Whether this sender only records messages (refused in production). */
  readonly development?: boolean;
  send(message: EmailMessage, tx: Queryable): Promise<void>;
}

/** Development sender: writes to the outbox table, readable at GET /dev/outbox outside production. */
export const outboxEmailSender: EmailSender = {
  development: true,
  async send(message, tx) {
    await tx.query(
      'INSERT INTO outbox (channel, recipient, body, code, link, flow_id, sent_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      ['email', message.to, `${message.subject}\n\n${message.text}`, message.code ?? null, message.link ?? null, message.flowId, message.sentAt],
    );
  },
};

/** Verifies captcha tokens with a provider (Friendly Captcha, hCaptcha, Turnstile…). */
export interface CaptchaVerifier {
  /** Whether this verifier accepts test tokens only (refused in production). */
  readonly development?: boolean;
  verify(token: string): Promise<boolean>;
}

/** Accepts the tokens of the widget's built-in test provider (`pforte-test-captcha:<nonce>`); single use is the server's job. */
export const testCaptchaVerifier: CaptchaVerifier = {
  development: true,
  verify: async (token) => /^pforte-test-captcha:[\w-]{1,200}$/.test(token),
};

/** Production default without an `emailSender`: every send fails (the caller gets 'unknown'), nothing is stored. */
export const missingEmailSender: EmailSender = {
  send: () => Promise.reject(new Error('no emailSender configured')),
};

/** Production default without a `captchaVerifier`: no token passes. */
export const refusingCaptchaVerifier: CaptchaVerifier = {
  verify: () => Promise.resolve(false),
};
