import type { PforteConfigInput } from '@pforte/core';

/**
 * The products a backend under test must serve, by id: each check starts its
 * flows with one of them, so every rule is checked against a known config.
 * Give them to the backend as they are (`products: conformanceProducts`).
 */
export const conformanceProducts = {
  /** The seed 001 flow: credentials, a generated 12-digit PIN, SMS and visibility to put off. */
  'conformance-pin': {
    steps: ['credentials', { id: 'pin', length: 12 }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }],
  },
  /** Credentials and two steps to put off: the codes, throttles and completion checks; sign-in with the default lockout, reset links to one origin. */
  'conformance-basic': {
    steps: ['credentials', { id: 'sms', optional: true }, { id: 'visibility', optional: true }],
    signIn: { resetUrlOrigins: ['https://conformance.example'] },
  },
  /** A PIN the person chooses, 6 digits. */
  'conformance-chosen-pin': { steps: ['credentials', { id: 'pin', mode: 'chosen', length: 6 }] },
  /** A second factor that is required: `credentials → sms`; sign-in asks for it. */
  'conformance-sms-required': { steps: ['credentials', 'sms'], signIn: {} },
  /** A second-factor choice with every method. */
  'conformance-choice': {
    steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] }, 'sms', 'emailCode'],
  },
  /** A second-factor choice without "none". */
  'conformance-choice-required': {
    steps: ['credentials', { id: 'secondFactorChoice', choices: ['sms', 'email'] }, 'sms', 'emailCode'],
  },
  /** A registration link first. */
  'conformance-invitation': { steps: ['invitation', 'credentials'] },
  /** Customer number and e-mail address on file, without a captcha. */
  'conformance-lookup': { steps: [{ id: 'customerLookup', captcha: false }, 'credentials'] },
  /** A captcha on its own. */
  'conformance-captcha': { steps: ['captcha', 'credentials'] },
  /** E-mail confirmation links to one allowed origin. */
  'conformance-email': {
    steps: ['credentials', { id: 'emailVerification', returnUrlOrigins: ['https://conformance.example'] }],
  },
  /** Practices of at most 5 members plus requests and invitations, where every member approves requests, removes and invites members; invitation links to one origin. */
  'conformance-organization': {
    steps: ['credentials', { id: 'organization', maxMembers: 5 }],
    signIn: { resetUrlOrigins: ['https://conformance.example'] },
  },
  /** Companies where only the master user (who registered the company) approves requests, removes and invites members. */
  'conformance-organization-master': {
    steps: ['credentials', { id: 'organization', managedBy: 'master' }],
    signIn: { resetUrlOrigins: ['https://conformance.example'] },
  },
  /** Names only: the profile asks for no e-mail address. */
  'conformance-profile': { steps: ['credentials', { id: 'profile', fields: { firstName: 'required', lastName: 'required' } }] },
  /** A free username (no e-mail address) and the `min8` policy: length only, yet no common password. */
  'conformance-username': { username: { kind: 'username' }, passwordPolicy: 'min8', steps: ['credentials'] },
  /** Terms in a named version. */
  'conformance-terms': {
    steps: ['credentials', { id: 'terms', termsUrl: '/agb', privacyUrl: '/datenschutz', version: '2026-01' }],
  },
  /** Guest access by TAN: two uses per invitation, three wrong codes, two hours; links to one origin. */
  'conformance-guest': {
    steps: ['credentials'],
    signIn: { resetUrlOrigins: ['https://conformance.example'], guestAccess: { maxUses: 2, maxAttempts: 3, validityHours: 2 } },
  },
  /** The seed 001 account area: a generated 8-digit PIN, an SMS factor and the visibility to put off, sign-in with the default re-authentication window. */
  'conformance-settings': {
    steps: ['credentials', { id: 'pin', length: 8 }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }],
    signIn: {},
  },
  /** The seed 003 second-factor choice (no TAN, e-mail TAN, mobile TAN) with sign-in: changed later in the account area. */
  'conformance-billing': {
    steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] }, 'sms', 'emailCode'],
    signIn: {},
  },
} satisfies Record<string, PforteConfigInput>;

/** Id of a conformance product. */
export type ConformanceProduct = keyof typeof conformanceProducts;
