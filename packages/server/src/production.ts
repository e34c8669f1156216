import type { PforteConfigInput, StepRegistry } from '@pforte/core';
import * as rules from '@pforte/core/rules';
import type { EmailSender } from './email.js';
import type { SmsSender } from './sms.js';

/** The least length of the code pepper, in bytes (UTF-8). */
export const minimumPepperBytes = 32;

/** What production mode needs, as {@link checkProductionSetup} reads it. */
export interface ProductionSetup {
  products?: Record<string, PforteConfigInput | string> | undefined;
  registry?: StepRegistry | undefined;
  codePepper?: string | undefined;
  smsSender?: SmsSender | undefined;
  emailSender?: EmailSender | undefined;
}

/** How an error names each missing part: `createPforteServer`'s options, or main.js's environment variables. */
export interface SetupNames {
  products: string;
  codePepper: string;
  smsSender: string;
  emailSender: string;
}

/** The names of `createPforteServer`'s options. */
export const optionNames: SetupNames = {
  products: 'products',
  codePepper: 'codePepper',
  smsSender: 'a real smsSender',
  emailSender: 'a real emailSender',
};

/**
 * Refuses a production setup that would not work or not be safe, with one
 * error naming what is missing: products (else every route accepts every
 * step), a code pepper of at least 32 bytes (the key of the code HMAC, kept
 * outside the database), an SMS sender when a product has an `sms` step, an
 * e-mail sender when one has `emailVerification`, `emailCode` or a `signIn` section (reset links), and never a
 * development sender (which only records messages for /dev/outbox).
 */
export function checkProductionSetup(setup: ProductionSetup, names: SetupNames = optionNames): void {
  const { smsSender, emailSender } = setup;
  if (smsSender?.development) throw new Error(`the development SMS sender only records messages: production needs ${names.smsSender}`);
  if (emailSender?.development) {
    throw new Error(`the development e-mail sender only records messages: production needs ${names.emailSender}`);
  }
  const products = Object.entries(setup.products ?? {});
  if (products.length === 0) throw new Error(`production needs ${names.products}: without them every route would accept every step`);
  if (Buffer.byteLength(setup.codePepper ?? '', 'utf8') < minimumPepperBytes) {
    throw new Error(
      `production needs ${names.codePepper} of at least ${minimumPepperBytes} bytes (e.g. openssl rand -base64 48): the key of the code HMAC, kept outside the database`,
    );
  }
  for (const [id, config] of products) {
    const product = rules.defineProduct(id, config, setup.registry);
    const steps = new Set(product.config.steps.map((step) => step.id));
    if (steps.has('sms') && !smsSender) throw new Error(`product "${id}" sends SMS codes: production needs ${names.smsSender}`);
    // Sign-in sends reset links: without a sender only existing accounts would fail, which would tell them apart.
    if ((steps.has('emailVerification') || steps.has('emailCode') || product.config.signIn !== undefined) && !emailSender) {
      throw new Error(`product "${id}" sends e-mails: production needs ${names.emailSender}`);
    }
  }
}
