export { createPforteServer, type PforteServer, type ServerOptions } from './app.js';
export { migrate, openPglite, openPostgres, type Database, type Queryable } from './db.js';
export { outboxSmsSender, type SmsMessage, type SmsSender } from './sms.js';
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
