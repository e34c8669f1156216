import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** Username and password step. */
export interface CredentialsStep {
  id: 'credentials';
  optional: false;
}

export const credentialsStep = defineStep<CredentialsStep>()({
  id: 'credentials',
  summary: 'Username (or e-mail address) and password, with the live checklist. Every flow has it.',
  schema: plainStepSchema('credentials'),
  resolve: () => ({ id: 'credentials', optional: false }),
  providesEmail: (_step, { usernameKind }) => usernameKind === 'email',
  isDone: (view) => view.username !== undefined,
  actions: ['submitCredentials'],
});
