import type { PforteConfigInput } from '@pforte/elements';

/** A configuration with one mistake: an SMS code of 12 digits (4–10 allowed). */
export const badConfig = {
  product: 'Videosprechstunde',
  steps: ['credentials', { id: 'sms', codeLength: 12 }, 'done'],
} as unknown as PforteConfigInput;

/** The whole flow with every step the engine knows. */
export const everyStep: PforteConfigInput = {
  product: 'Videosprechstunde',
  username: { kind: 'username' },
  steps: ['credentials', { id: 'pin', mode: 'generated' }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }, 'done'],
};
