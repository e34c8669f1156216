/**
 * Every built-in step id, in the default order. Its own module, free of the
 * config schema, so code that only names steps (the flow engine, the browser's
 * first step) does not load zod; `steps/registry.ts` checks it against the
 * descriptors.
 */
export const stepIds = [
  'invitation',
  'customerLookup',
  'captcha',
  'credentials',
  'profile',
  'terms',
  'emailVerification',
  'organization',
  'secondFactorChoice',
  'pin',
  'sms',
  'emailCode',
  'visibility',
  'done',
] as const;

/** Id of a built-in flow step. */
export type StepId = (typeof stepIds)[number];
