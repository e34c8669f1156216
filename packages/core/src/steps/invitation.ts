import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** The flow starts from a registration link (invitation token). Always the first step. */
export interface InvitationStep {
  id: 'invitation';
  optional: false;
}

export const invitationStep = defineStep<InvitationStep>()({
  id: 'invitation',
  summary: 'The registration link: checks it (expired, already used) and prefills what it says about the person.',
  schema: plainStepSchema('invitation'),
  resolve: () => ({ id: 'invitation', optional: false }),
  position: 'first',
  providesEmail: () => true,
  isDone: (view) => view.invitationOpened,
  actions: ['openInvitation'],
});
