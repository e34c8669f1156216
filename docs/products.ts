/**
 * The five seed portals (shared/seeds/) as Pforte configurations, as far as
 * the existing steps allow. Shown on "Configuring a product", rendered in
 * the "Products" stories, and validated with parseConfig by
 * docs/test/products.test.mjs.
 */
import type { PforteConfigInput } from '@pforte/core';

export interface SeedProduct {
  /** The seed file the configuration follows. */
  seed: string;
  title: string;
  /** What the seed describes and how the configuration maps it. */
  summary: string;
  /** What the seed asks for that Pforte does not (yet) do; the product's backend or a later release covers it. */
  notCovered: string[];
  config: PforteConfigInput;
}

export const seedProducts = {
  dentalPortal: {
    seed: '000_03b6e91de52e8744.txt',
    title: 'Dental practice portal',
    summary:
      'The e-mail address is the username; the password needs at least 10 characters with upper and lower case, a digit and a special character.',
    notCovered: [
      'E-mail confirmation link, terms acceptance, and "register a new practice / join an existing one" (customer number + postal code) with approval by a practice member',
      'At most 5 users per practice; lockout for 5 minutes after failed logins; forgot-password (sign-in, not registration)',
    ],
    config: {
      product: 'Praxisportal',
      username: { kind: 'email' },
      passwordPolicy: 'strict10',
      steps: ['credentials', 'done'],
      strings: {
        de: { 'credentials.heading': 'Zugang für Ihre Praxis anlegen' },
        en: { 'credentials.heading': 'Create access for your practice' },
      },
    },
  },
  videoConsultation: {
    seed: '001_e1cc3f1106c88b3e.txt',
    title: 'Video consultation',
    summary:
      'Username and password with the live checklist, a generated service PIN, an optional SMS second factor (8 digits, a new code after 60 s at the earliest), the opt-in to the contact search, done.',
    notCovered: [
      'The registration link valid for 14 days is the backend\'s flow expiry (`link.expired`, `link.used` are shown)',
      'Guests joining by invitation link or access code, without an account',
    ],
    config: {
      product: 'Videosprechstunde',
      username: { kind: 'username' },
      passwordPolicy: 'nist',
      steps: [
        'credentials',
        { id: 'pin', mode: 'generated', length: 6 },
        { id: 'sms', optional: true, codeLength: 8, resendSeconds: 60, defaultCountry: 'DE' },
        { id: 'visibility', optional: true },
        'done',
      ],
    },
  },
  b2bPortal: {
    seed: '002_a4e56f2b2bc2e394.txt',
    title: 'B2B customer portal',
    summary: 'Registration from an invitation link (valid 90 days); the e-mail address is the username; password at least 8 characters.',
    notCovered: [
      'Master user, inviting colleagues of the same e-mail domain, roles and deactivation (account management)',
      'The 90-day invitation is the backend\'s flow expiry',
    ],
    config: {
      product: 'Kundenportal',
      username: { kind: 'email' },
      passwordPolicy: 'min8',
      steps: ['credentials', 'done'],
      strings: {
        de: { 'credentials.heading': 'Zugang für Ihr Unternehmen anlegen' },
        en: { 'credentials.heading': 'Create access for your company' },
      },
    },
  },
  billingCentre: {
    seed: '003_986030da31822c75.txt',
    title: 'Billing customer centre',
    summary:
      'After activation: a username and password, and the mobile TAN as an optional second factor (the seed offers "no TAN" too).',
    notCovered: [
      'Customer number + e-mail on file + captcha before the activation link (valid 24 h)',
      'E-mail TAN, salutation and names, "repeat password" (the show-password toggle replaces it), forced change at first login',
    ],
    config: {
      product: 'Online-Kundencenter',
      username: { kind: 'username', minLength: 3, maxLength: 32 },
      passwordPolicy: 'nist',
      steps: ['credentials', { id: 'sms', optional: true, codeLength: 6, resendSeconds: 60 }, 'done'],
    },
  },
  patientApp: {
    seed: '004_3835c7b229546c49.txt',
    title: 'Video consultation app (patients)',
    summary: 'Self-registration by link or QR code: a username and a password of the patient\'s choice.',
    notCovered: [
      'E-mail confirmation link; the practice creating the patient with an initial password changed at first login',
      'Guests joining with a one-time TAN by e-mail, without an account',
    ],
    config: {
      product: 'Smart Practice',
      username: { kind: 'username' },
      steps: ['credentials', 'done'],
      strings: {
        de: { 'done.body.product': 'Ihr Konto ist aktiv. Sie können jetzt an Videosprechstunden in {0} teilnehmen.' },
        en: { 'done.body.product': 'Your account is active. You can now join video consultations in {0}.' },
      },
    },
  },
} satisfies Record<string, SeedProduct>;

export type SeedProductKey = keyof typeof seedProducts;
