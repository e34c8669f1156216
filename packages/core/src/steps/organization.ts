import * as z from 'zod/mini';
import { defineStep } from './define.js';
import { distinctList, intBetween, notOptional } from './types.js';

/** Register a new organization (practice) or join an existing one. */
export interface OrganizationStep {
  id: 'organization';
  optional: false;
  modes: Array<'register' | 'join'>;
  /** Members plus pending join requests per organization. */
  maxMembers: number;
  /** Who approves join requests and removes members: every member, or only the master user (who registered the organization). */
  managedBy: 'members' | 'master';
}

const schema = z.strictObject({
  id: z.literal('organization'),
  optional: notOptional('organization'),
  modes: z._default(z.optional(distinctList(['register', 'join'])), ['register', 'join']),
  maxMembers: z._default(z.optional(intBetween(1, 10000)), 5),
  managedBy: z._default(z.optional(z.enum(['members', 'master'])), 'members'),
});

export const organizationStep = defineStep<OrganizationStep>()({
  id: 'organization',
  summary: 'Register a new practice or join an existing one (then a member, or the master user, must approve).',
  schema,
  resolve: (step: z.output<typeof schema>) => ({
    id: 'organization',
    optional: false,
    modes: [...step.modes],
    maxMembers: step.maxMembers,
    managedBy: step.managedBy,
  }),
  after: ['credentials'],
  isDone: (view) => view.organization !== undefined,
  actions: ['registerOrganization', 'joinOrganization'],
});
