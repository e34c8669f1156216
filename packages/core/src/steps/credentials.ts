import { defineStep } from './define.js';
import { plainStepSchema } from './types.js';

/** Username and password step. */
export interface CredentialsStep {
  id: 'credentials';
  optional: false;
}

export const credentialsStep = defineStep<CredentialsStep>()({
  id: 'credentials',
  summary: 'Username (or e-mail) and password with the live checklist; creates the account.',
  schema: plainStepSchema('credentials'),
  resolve: () => ({ id: 'credentials', optional: false }),
  providesEmail: (_step, { usernameKind }) => usernameKind === 'email',
  isDone: (view) => view.username !== undefined,
  actions: ['submitCredentials'],
});
