/**
 * The five seed portals of shared/seeds/, each nothing but a config file in
 * this folder. The catalogue adds what a demo needs around them: a title,
 * what the seed asks for outside the widget, and the demo backend's data
 * (customers, practices, an invitation). Used by the demo page, Storybook
 * ("Products", "Configuring a product") and the products tests.
 */
import type { PforteConfigInput } from '@pforte/core';
import type { MemoryAdapterOptions } from '@pforte/core/memory';
import dentalPracticePortal from './dental-practice-portal.json';
import videoConsultation from './video-consultation.json';
import b2bServicePortal from './b2b-service-portal.json';
import billingCustomerCentre from './billing-customer-centre.json';
import patientVideoApp from './patient-video-app.json';
import demoBackend from '../demo/backend-data.json';

export interface ProductExample {
  /** The seed file the configuration follows. */
  seed: string;
  /** The config file in examples/products/. */
  file: string;
  title: string;
  summary: string;
  /** What the seed describes beyond registration: sign-in, account management, the backend's part. */
  notCovered: string[];
  config: PforteConfigInput;
  /** The registration link's token in the demo data (products whose flow begins with a link). */
  demoInvitation?: string;
}

/**
 * The demo backend's data (examples/demo/backend-data.json): registration links, customers
 * on file, practices. The memory adapter takes it as options; `npm start`
 * seeds the reference server with the same file (PFORTE_SEED).
 */
export const demoBackendData: MemoryAdapterOptions = demoBackend;

export const productCatalog = {
  dentalPracticePortal: {
    seed: '000_03b6e91de52e8744.txt',
    file: 'dental-practice-portal.json',
    title: 'Dental practice portal',
    summary:
      'E-mail as username, a password of at least 10 characters with upper and lower case, a digit and a special character; terms; an e-mail confirmation link; personal data; then register a new practice or join an existing one (customer number + postal code), which a practice member must approve; at most 5 users per practice.',
    notCovered: ['Lockout for 5 minutes after failed logins and forgot-password (sign-in, not registration)'],
    config: dentalPracticePortal as PforteConfigInput,
  },
  videoConsultation: {
    seed: '001_e1cc3f1106c88b3e.txt',
    file: 'video-consultation.json',
    title: 'Video consultation',
    summary:
      'A registration link valid 14 days; username and password with the live checklist; a generated service PIN to copy, print or save; an optional SMS second factor (8 digits, a new code after 60 s at the earliest); the opt-in to the contact search.',
    notCovered: ['Guests joining by invitation link or access code, without an account'],
    config: videoConsultation as PforteConfigInput,
    demoInvitation: 'demo-video-consultation',
  },
  b2bServicePortal: {
    seed: '002_a4e56f2b2bc2e394.txt',
    file: 'b2b-service-portal.json',
    title: 'B2B service portal',
    summary:
      'An invitation link valid 90 days with the name prefilled; the e-mail address is the username; a password of at least 8 characters.',
    notCovered: ['The master user inviting colleagues, granting roles and deactivating users (account management)'],
    config: b2bServicePortal as PforteConfigInput,
    demoInvitation: 'demo-b2b-service-portal',
  },
  billingCustomerCentre: {
    seed: '003_986030da31822c75.txt',
    file: 'billing-customer-centre.json',
    title: 'Billing customer centre',
    summary:
      'Customer number and the e-mail address on file with a captcha; an activation link valid 24 hours; the choice of no TAN, e-mail TAN or mobile TAN; salutation and names; username and password.',
    notCovered: ['The forced change of username and password at the first sign-in of an account created for you'],
    config: billingCustomerCentre as PforteConfigInput,
  },
  patientVideoApp: {
    seed: '004_3835c7b229546c49.txt',
    file: 'patient-video-app.json',
    title: 'Video consultation app (patients)',
    summary: 'Self-registration by link or QR code: e-mail and password, the terms, and an e-mail confirmation link.',
    notCovered: [
      'The practice creating the patient with an initial password changed at first login',
      'Guests joining with a one-time TAN by e-mail, without an account',
    ],
    config: patientVideoApp as PforteConfigInput,
  },
} satisfies Record<string, ProductExample>;

export type ProductKey = keyof typeof productCatalog;
