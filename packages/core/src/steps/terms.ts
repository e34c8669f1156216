import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { linkUrl, notOptional } from './types.js';

/** Accept the terms and the privacy notice. */
export interface TermsStep {
  id: 'terms';
  optional: false;
  termsUrl: string;
  privacyUrl: string;
  /** Version of the terms, recorded with the acceptance; a backend refuses any other. */
  version?: string;
}

const schema = z.strictObject({
  id: z.literal('terms'),
  optional: notOptional('terms'),
  termsUrl: linkUrl,
  privacyUrl: linkUrl,
  version: z.optional(z.string().check(z.minLength(1, { error: 'must not be empty' }), z.maxLength(100))),
});

export const termsStep = defineStep<TermsStep>()({
  id: 'terms',
  summary: 'Accept the terms of use and the privacy policy.',
  schema,
  resolve: (step: z.output<typeof schema>) => {
    const terms: TermsStep = { id: 'terms', optional: false, termsUrl: step.termsUrl, privacyUrl: step.privacyUrl };
    if (step.version !== undefined) terms.version = step.version;
    return terms;
  },
  isDone: (view) => view.terms !== undefined,
  actions: ['acceptTerms'],
});
