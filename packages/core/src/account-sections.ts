import type { SessionInfo } from './sign-in-adapter.js';
import type { StepId } from './steps/ids.js';

/**
 * What `<pforte-account>` can show, in the order a product gets them by
 * default. A section is one entry here and one in {@link accountSectionDescriptors};
 * the elements add its view (packages/elements/src/account/section-loaders.ts).
 */
export const accountSectionIds = ['visibility', 'secondFactor', 'servicePin', 'password', 'organization'] as const;

/** A section of the account area, e.g. `organization`. */
export type AccountSectionId = (typeof accountSectionIds)[number];

/** What a section needs of a product and of the signed-in person. */
export interface AccountSectionDescriptor {
  /** The registration steps the section changes later (any of them): a product with none of them cannot list the section. */
  steps?: readonly StepId[];
  /** Whether the signed-in person may use the section (the host shows only those). */
  availableTo(session: SessionInfo): boolean;
}

/** Every section's needs, by id. */
export const accountSectionDescriptors: Record<AccountSectionId, AccountSectionDescriptor> = {
  visibility: { steps: ['visibility'], availableTo: (session) => !session.guest },
  // The SMS factor put off at registration, a new number, or the choice between the product's factors.
  secondFactor: { steps: ['sms', 'secondFactorChoice', 'emailCode'], availableTo: (session) => !session.guest },
  servicePin: { steps: ['pin'], availableTo: (session) => !session.guest },
  password: { availableTo: (session) => !session.guest },
  organization: {
    steps: ['organization'],
    // Only members administer: a pending or denied request sees nothing of the organization.
    availableTo: (session) => session.organization?.status === 'member',
  },
};

/** The `account` section of a configuration, resolved. */
export interface AccountConfig {
  /** The sections shown, in this order. */
  sections: AccountSectionId[];
}

/** The sections a product offers when its config lists none: each section whose step the product has, in the default order. */
export function defaultAccountSections(steps: ReadonlyArray<{ id: string }>): AccountSectionId[] {
  return accountSectionIds.filter((id) => hasSectionSteps(id, steps));
}

/** Whether a product with `steps` has a step the section `id` changes later (or the section needs none). */
export function hasSectionSteps(id: AccountSectionId, steps: ReadonlyArray<{ id: string }>): boolean {
  const needed = accountSectionDescriptors[id].steps;
  return needed === undefined || steps.some((candidate) => needed.includes(candidate.id as StepId));
}

/** The sections of a product (its `account.sections`, else {@link defaultAccountSections}) that `session` may use. */
export function accountSectionsFor(
  config: { steps: ReadonlyArray<{ id: string }>; account?: AccountConfig },
  session: SessionInfo,
): AccountSectionId[] {
  const sections = config.account?.sections ?? defaultAccountSections(config.steps);
  return sections.filter((id) => accountSectionDescriptors[id].availableTo(session));
}
