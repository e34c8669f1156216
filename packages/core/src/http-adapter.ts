import type { CallOptions, ContractMethod, PforteAdapter } from './adapter.js';
import type { HttpAdapterOptions } from './http-client.js';
import type { PforteAccountAdapter } from './account-adapter.js';
import type { PforteSignInAdapter } from './sign-in-adapter.js';

export type { HttpAdapterOptions } from './http-client.js';

/** Every adapter method; a `Record` so that the compiler notices a method missing here. */
const methodSet: Record<ContractMethod, true> = {
  startRegistration: true,
  submitCredentials: true,
  issuePin: true,
  setPin: true,
  confirmPinSaved: true,
  sendSmsCode: true,
  verifySmsCode: true,
  skipStep: true,
  setVisibility: true,
  openInvitation: true,
  submitProfile: true,
  acceptTerms: true,
  sendVerificationEmail: true,
  confirmEmail: true,
  lookupCustomer: true,
  verifyCaptcha: true,
  registerOrganization: true,
  joinOrganization: true,
  chooseSecondFactor: true,
  sendEmailCode: true,
  verifyEmailCode: true,
  complete: true,
  signIn: true,
  resendSignInCode: true,
  verifySignInCode: true,
  changePassword: true,
  requestPasswordReset: true,
  resetPassword: true,
  getSession: true,
  signOut: true,
  openGuestInvitation: true,
  signInAsGuest: true,
  getOrganization: true,
  decideJoinRequest: true,
  removeMember: true,
  getAccountSettings: true,
  reauthenticate: true,
  setContactVisibility: true,
  sendSecondFactorSmsCode: true,
  verifySecondFactorSmsCode: true,
  setSecondFactor: true,
  renewServicePin: true,
  changeAccountPassword: true,
  inviteMember: true,
};
const adapterMethods = Object.keys(methodSet) as ContractMethod[];

/**
 * An adapter that talks to a backend implementing the Pforte HTTP contract
 * (docs/openapi.json): one `POST` per method, every response validated, errors
 * read from `application/problem+json`, an `Idempotency-Key` per submit.
 *
 * The client itself (`http-client.ts`) loads on the first call: every method
 * is async anyway, and pages that pass their own adapter, or render the first
 * step before anything is sent, do not pay for it up front.
 */
export function createHttpAdapter(options: HttpAdapterOptions): PforteAdapter & PforteSignInAdapter & PforteAccountAdapter {
  let client: Promise<PforteAdapter & PforteSignInAdapter & PforteAccountAdapter> | undefined;
  const loadClient = () => (client ??= import('./http-client.js').then((module) => module.createHttpClient(options)));
  const forward =
    (method: ContractMethod) =>
    async (input: never, callOptions?: CallOptions): Promise<unknown> => {
      const loaded = await loadClient();
      return (loaded[method] as (input: never, callOptions?: CallOptions) => Promise<unknown>)(input, callOptions);
    };
  return Object.fromEntries(adapterMethods.map((method) => [method, forward(method)])) as unknown as PforteAdapter & PforteSignInAdapter & PforteAccountAdapter;
}
