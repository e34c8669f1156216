import type { SMTPTransportOptions } from 'nodemailer';
import type { SetupNames } from './production.js';
import { createSmtpEmailSender, type SmtpEmailSender } from './senders/smtp.js';
import { createWebhookSmsSender, minimumSecretBytes } from './senders/webhook-sms.js';
import type { SmsSender } from './sms.js';

/** What production needs, named as the environment variables that give it. */
export const environmentNames: SetupNames = {
  products: 'PFORTE_PRODUCTS',
  codePepper: 'SMS_CODE_PEPPER',
  smsSender: 'SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET',
  emailSender: 'SMTP_URL (or SMTP_HOST) and MAIL_FROM',
};

/** The senders the environment configures; a channel without variables has none (the server's default). */
export interface EnvironmentSenders {
  emailSender?: SmtpEmailSender;
  smsSender?: SmsSender;
}

/**
 * The real senders from the environment:
 *
 *   SMTP_URL=smtps://user:password@mail.example:465   or SMTP_HOST, SMTP_PORT, SMTP_SECURE=1, SMTP_USER, SMTP_PASSWORD
 *   MAIL_FROM="Praxisportal" <noreply@praxis.example>
 *   SMS_WEBHOOK_URL=https://sms-gateway.example/send, SMS_WEBHOOK_SECRET=… (≥ 32 bytes), SMS_WEBHOOK_TIMEOUT_MS=5000
 *
 * A half-configured channel throws, naming the variable that is missing or
 * wrong; no value is ever repeated in the message.
 */
export function sendersFromEnvironment(env: Record<string, string | undefined>): EnvironmentSenders {
  const senders: EnvironmentSenders = {};
  const smtp = smtpFromEnvironment(env);
  const from = env['MAIL_FROM'];
  if (smtp && !from) throw new Error('MAIL_FROM is missing: the sender address of the e-mails');
  if (!smtp && from) throw new Error('MAIL_FROM is set but SMTP_URL (or SMTP_HOST) is missing');
  if (smtp && from) senders.emailSender = createSmtpEmailSender({ smtp, from });

  const url = env['SMS_WEBHOOK_URL'];
  const secret = env['SMS_WEBHOOK_SECRET'];
  if (url && !secret) throw new Error('SMS_WEBHOOK_SECRET is missing: the key that signs each SMS webhook call');
  if (!url && secret) throw new Error('SMS_WEBHOOK_SECRET is set but SMS_WEBHOOK_URL is missing');
  if (url && secret) {
    if (!/^https?:\/\//i.test(url)) throw new Error('SMS_WEBHOOK_URL must be an https:// URL');
    if (Buffer.byteLength(secret, 'utf8') < minimumSecretBytes) {
      throw new Error(`SMS_WEBHOOK_SECRET must have at least ${minimumSecretBytes} bytes (e.g. openssl rand -base64 48)`);
    }
    const timeout = env['SMS_WEBHOOK_TIMEOUT_MS'];
    const timeoutMs = timeout === undefined ? undefined : Number(timeout);
    if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs >= 100 && timeoutMs <= 60_000)) {
      throw new Error('SMS_WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds from 100 to 60000');
    }
    try {
      senders.smsSender = createWebhookSmsSender({ url, secret, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    } catch (error) {
      throw new Error(`SMS_WEBHOOK_URL: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return senders;
}

/** The SMTP server from SMTP_URL, or from SMTP_HOST and its companions; none when neither is set. */
function smtpFromEnvironment(env: Record<string, string | undefined>): string | SMTPTransportOptions | undefined {
  const url = env['SMTP_URL'];
  const host = env['SMTP_HOST'];
  if (url && host) throw new Error('SMTP_URL and SMTP_HOST are both set: use one of them');
  if (url) {
    if (!/^smtps?:\/\//i.test(url)) throw new Error('SMTP_URL must start with smtp:// or smtps://');
    return url;
  }
  if (!host) return undefined;
  const secure = ['1', 'true'].includes(env['SMTP_SECURE'] ?? '');
  const port = env['SMTP_PORT'] === undefined ? (secure ? 465 : 587) : Number(env['SMTP_PORT']);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error('SMTP_PORT must be a port number');
  const user = env['SMTP_USER'];
  const pass = env['SMTP_PASSWORD'];
  if (Boolean(user) !== Boolean(pass)) throw new Error(user ? 'SMTP_PASSWORD is missing' : 'SMTP_USER is missing');
  return { host, port, secure, ...(user && pass ? { auth: { user, pass } } : {}) };
}
