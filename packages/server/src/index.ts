export { createPforteServer, type PforteServer, type ServerOptions } from './app.js';
export { migrate, openPglite, openPostgres, type Database, type Queryable } from './db.js';
export { missingSmsSender, outboxSmsSender, type SmsMessage, type SmsSender } from './sms.js';
export { createSmtpEmailSender, type SmtpEmailSender, type SmtpEmailSenderOptions } from './senders/smtp.js';
export { createWebhookSmsSender, webhookSignature, type WebhookSmsSenderOptions } from './senders/webhook-sms.js';
export { checkProductionSetup, optionNames, type ProductionSetup, type SetupNames } from './production.js';
export {
  missingEmailSender,
  outboxEmailSender,
  refusingCaptchaVerifier,
  testCaptchaVerifier,
  type CaptchaVerifier,
  type EmailMessage,
  type EmailSender,
} from './email.js';
export { defaultScryptCost, hashSecret, hashToken, verifySecret, type ScryptCost } from './secrets.js';
export {
  createService,
  type InvitationSeed,
  type RequestContext,
  type SeedData,
  type Service,
  type ServiceOptions,
} from './service.js';
export { readProducts } from './config.js';
