import { createTransport, type SMTPTransportOptions } from 'nodemailer';
import type { EmailSender } from '../email.js';

/** Options of {@link createSmtpEmailSender}. */
export interface SmtpEmailSenderOptions {
  /**
   * The SMTP server: a URL such as `smtps://user:password@mail.example:465`
   * (TLS from the start) or `smtp://user:password@mail.example:587`
   * (STARTTLS when offered; add `?requireTLS=true` to insist on it), or
   * nodemailer's SMTP options.
   */
  smtp: string | SMTPTransportOptions;
  /** The sender, e.g. `"Praxisportal" <noreply@praxis.example>`. */
  from: string;
}

/** An {@link EmailSender} that holds an SMTP connection setup; `close()` at shutdown. */
export interface SmtpEmailSender extends EmailSender {
  close(): void;
}

/**
 * Sends e-mail through an SMTP server with nodemailer: plain text, the
 * subject and text the flow actions wrote (in the person's language, with
 * the product's name). A send that the server does not accept throws, so the
 * link or code is not stored. The timeouts are short because the send runs
 * inside the request: a hanging mail server must not hold the request past
 * the widget's own timeout.
 */
export function createSmtpEmailSender(options: SmtpEmailSenderOptions): SmtpEmailSender {
  const smtp = typeof options.smtp === 'string' ? { url: options.smtp } : options.smtp;
  const transport = createTransport({
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
    // Messages never carry attachments: no file or URL is ever read into one.
    disableFileAccess: true,
    disableUrlAccess: true,
    ...smtp,
  });
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text });
    },
    close: () => transport.close(),
  };
}
