/**
 * The CDN bundle's entry: `dist/cdn/pforte.js` (and `dist/cdn/pforte.iife.js`,
 * global `Pforte`), with Lit and a private @lit/localize bundled in.
 *
 * One file holds what the first step of any product needs: `<pforte-signup>`,
 * the credentials step, the password checklist, the done step and the runtime
 * they share. `<pforte-signup>` loads the other steps its product configures
 * from `steps/<name>.js` beside this file, the next one while the person works
 * on the current one; a step no product step uses is never fetched. Their
 * classes are therefore not exported here: `pforte-all.js` defines and exports
 * every element at once. Phone metadata and the PDF writer are lazy chunks;
 * the in-browser demo backend is its own file, `pforte-memory.js`.
 */
import './define/signup.js';
import './define/credentials-step.js';
import './define/password-checklist.js';
import './define/done-step.js';

export { PforteSignup } from './signup/signup.js';
export { PforteCredentialsStep } from './credentials-step/credentials-step.js';
export { PfortePasswordChecklist } from './password-checklist/password-checklist.js';
export { PforteDoneStep } from './done-step/done-step.js';
export { getLocale, matchLocale, resolveLocale, setLocale, setStringOverrides, supportedLocales } from './localization/localization.js';
export type { PforteLocale, StringOverrides } from './localization/localization.js';
export { version } from './internal/define.js';
export type * from './events.js';
// The browser-facing part of @pforte/core; server-side pieces (HTTP route
// schemas, the problem format) stay out of the script-tag bundle, and so does
// zod: `parseConfig` and `safeParseConfig` are exported by pforte-all.js, or
// await `loadValidation()`.
export {
  ConfigError,
  createHttpAdapter,
  createManualClock,
  evaluatePassword,
  guardAdapter,
  isPforteError,
  loadValidation,
  passwordRulesAttribute,
  PforteError,
  policyPresets,
  stepIds,
  systemClock,
} from '@pforte/core';
export type {
  Clock,
  CompleteResult,
  HttpAdapterOptions,
  ManualClock,
  PasswordPolicy,
  PasswordRule,
  PforteAdapter,
  PforteConfig,
  PforteConfigInput,
  PforteErrorCode,
  StepId,
} from '@pforte/core';
