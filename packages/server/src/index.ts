export { createPforteServer, type PforteServer, type ServerOptions } from './app.js';
export { migrate, openPglite, openPostgres, type Database, type Queryable } from './db.js';
export { outboxSmsSender, type SmsMessage, type SmsSender } from './sms.js';
export { defaultScryptCost, hashSecret, verifySecret, type ScryptCost } from './secrets.js';
export { createService, type RequestContext, type Service, type ServiceOptions } from './service.js';
export { optionsFromConfig } from './config.js';
