import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** The flow starts from a registration link (invitation token). Always the first step. */
export interface InvitationStep {
  id: 'invitation';
  optional: false;
}

export const invitationStep = defineStep<InvitationStep>()({
  id: 'invitation',
  summary: 'Opens the registration link (`invitation` attribute or `?token=`): valid, expired, used or invalid, each a page with a way forward.',
  schema: plainStepSchema('invitation'),
  resolve: () => ({ id: 'invitation', optional: false }),
  position: 'first',
  providesEmail: () => true,
  isDone: (view) => view.invitationOpened,
  actions: ['openInvitation'],
});
