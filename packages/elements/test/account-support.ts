import { createManualClock } from '@pforte/core';
import type { ManualClock, PforteConfigInput } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { MemoryAdapter } from '@pforte/core/memory';

/** The password of every account the section tests create. */
export const accountPassword = 'Videosprechstunde#2026';

/** Seed 001 (video consultation) and seed 003 (billing centre), each with sign-in. */
export const accountProducts = {
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

/** A signed-in person of the video consultation: the PIN issued and stored, the SMS factor and the visibility put off. */
export async function signedInVideo(clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock, products: accountProducts });
  const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'video' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.org', password: accountPassword });
  const { pin } = await adapter.issuePin({ flowId, length: 8 });
  await adapter.confirmPinSaved({ flowId });
  await adapter.skipStep({ flowId, step: 'sms' });
  await adapter.skipStep({ flowId, step: 'visibility' });
  await adapter.complete({ flowId });
  await adapter.signIn({ identifier: 'anna@example.org', password: accountPassword, locale: 'de', product: 'video' });
  return { adapter, clock, pin };
}

/** A signed-in billing customer whose sign-ins ask for an e-mail TAN. */
export async function signedInBilling(clock: ManualClock = createManualClock()) {
  const adapter = createMemoryAdapter({ clock, products: accountProducts });
  const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'billing' });
  await adapter.submitCredentials({ flowId, username: 'max@example.org', password: accountPassword });
  await adapter.chooseSecondFactor({ flowId, method: 'email' });
  await adapter.sendEmailCode({ flowId });
  await adapter.verifyEmailCode({ flowId, code: adapter.lastCode('email')! });
  await adapter.complete({ flowId });
  clock.advance(60_000);
  const started = await adapter.signIn({ identifier: 'max@example.org', password: accountPassword, locale: 'de', product: 'billing' });
  if (started.status !== 'secondFactor') throw new Error(`expected the e-mail TAN, got ${started.status}`);
  await adapter.verifySignInCode({ signInId: started.signInId, code: adapter.lastCode('email')! });
  return { adapter, clock };
}

/** Signs in again and answers whatever second factor it asks for; the method it asked. */
export async function signInAgain(adapter: MemoryAdapter, username: string, product: 'video' | 'billing', clock: ManualClock) {
  await adapter.signOut();
  clock.advance(60_000);
  const result = await adapter.signIn({ identifier: username, password: accountPassword, locale: 'de', product });
  return result.status === 'secondFactor' ? result.method : result.status;
}
