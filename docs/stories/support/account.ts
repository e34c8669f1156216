/**
 * Loaders for the account area's sections: a signed-in person on a memory
 * backend with a manual clock, registered the way the seed products do it.
 */
import { createManualClock } from '@pforte/elements';
import type { ManualClock, PforteConfigInput } from '@pforte/elements';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';

/** What the account loaders hand to a story as `loaded`. */
export interface SignedIn {
  adapter: MemoryAdapter;
  clock: ManualClock;
}

export const accountPassword = 'Sprechstunde am Mittwoch';

const products = {
  video: {
    product: 'Videosprechstunde',
    steps: ['credentials', { id: 'pin', length: 8 }, { id: 'sms', optional: true }, { id: 'visibility', optional: true }],
    signIn: {},
  },
  billing: {
    product: 'Kundencenter',
    steps: ['credentials', { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] }, 'sms', 'emailCode'],
    signIn: {},
  },
} satisfies Record<string, PforteConfigInput>;

/**
 * Seed 001: a person of the video consultation who put off the SMS factor
 * and the visibility; `prepare` scripts the backend before the section loads
 * (e.g. a failure, or the SMS factor already active).
 */
export function signedInVideo(prepare: (backend: SignedIn) => void | Promise<void> = () => undefined) {
  return async (): Promise<SignedIn> => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, products });
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'video' });
    await adapter.submitCredentials({ flowId, username: 'anna.schmidt@example.com', password: accountPassword });
    await adapter.issuePin({ flowId, length: 8 });
    await adapter.confirmPinSaved({ flowId });
    await adapter.complete({ flowId });
    await adapter.signIn({ identifier: 'anna.schmidt@example.com', password: accountPassword, locale: 'de', product: 'video' });
    await prepare({ adapter, clock });
    return { adapter, clock };
  };
}

/** Seed 003: a billing customer whose sign-ins ask for an e-mail TAN. */
export function signedInBilling(prepare: (backend: SignedIn) => void | Promise<void> = () => undefined) {
  return async (): Promise<SignedIn> => {
    const clock = createManualClock();
    const adapter = createMemoryAdapter({ clock, products });
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'billing' });
    await adapter.submitCredentials({ flowId, username: 'max.muster@example.com', password: accountPassword });
    await adapter.chooseSecondFactor({ flowId, method: 'email' });
    await adapter.sendEmailCode({ flowId });
    await adapter.verifyEmailCode({ flowId, code: adapter.lastCode('email') ?? '' });
    await adapter.complete({ flowId });
    clock.advance(60_000);
    const started = await adapter.signIn({ identifier: 'max.muster@example.com', password: accountPassword, locale: 'de', product: 'billing' });
    if (started.status === 'secondFactor') await adapter.verifySignInCode({ signInId: started.signInId, code: adapter.lastCode('email') ?? '' });
    await prepare({ adapter, clock });
    return { adapter, clock };
  };
}

/** Moves the clock past the re-authentication window: the next security-relevant change asks for the password. */
export function pastReauthWindow({ clock }: SignedIn): void {
  clock.advance(11 * 60_000);
}
