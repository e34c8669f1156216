import { stepValues } from '@pforte/core';
import type { FlowState, ProfileValues } from '@pforte/core';

/** What earlier steps learned about the person, to prefill later ones. No secrets pass through here. */
export interface KnownValues {
  email?: string;
  profile: ProfileValues;
}

type Values = Record<string, unknown>;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Gathers prefill data from the flow's stored step values: an invitation's
 * name and address, a customer lookup's address, an e-mail username, the
 * profile. Later steps win over earlier ones.
 */
export function knownValues(flow: FlowState, usernameKind: 'email' | 'username'): KnownValues {
  const invitation = stepValues<Values>(flow, 'invitation') ?? {};
  const lookup = stepValues<Values>(flow, 'customerLookup') ?? {};
  const credentials = stepValues<Values>(flow, 'credentials') ?? {};
  const profile = stepValues<Values>(flow, 'profile') ?? {};
  const email =
    text(profile['email']) ??
    (usernameKind === 'email' ? text(credentials['username']) : undefined) ??
    text(lookup['email']) ??
    text(invitation['email']);
  const prefill: ProfileValues = {};
  for (const key of ['salutation', 'title', 'firstName', 'lastName'] as const) {
    const value = text(profile[key]) ?? text(invitation[key]);
    if (value) prefill[key] = value;
  }
  for (const key of ['position', 'mobile', 'phone'] as const) {
    const value = text(profile[key]);
    if (value) prefill[key] = value;
  }
  if (email) prefill.email = email;
  return { email, profile: prefill };
}
