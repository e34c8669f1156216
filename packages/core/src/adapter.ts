import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import type { StepId } from './steps/ids.js';
import type { SecondFactorMethod } from './steps/types.js';
import { loadValidation } from './load-validation.js';
import { PforteError, toPforteError } from './errors.js';
import type { PforteAccountAdapter } from './account-adapter.js';
import type { PforteSignInAdapter } from './sign-in-adapter.js';

/** Options every adapter call accepts. */
export interface CallOptions {
  /** Aborting rejects the call with PforteError 'timeout'. */
  signal?: AbortSignal;
}

/** A registration flow was opened. */
export interface StartResult {
  flowId: string;
  /** Server ms epoch when the flow (the registration link) expires. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered. */
  now: number;
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** An SMS code was sent. */
export interface SmsSentResult {
  /** Server ms epoch from which another code may be requested. */
  resendAvailableAt: number;
  /** Server ms epoch when this code stops working. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered; with `receivedAt` it cancels clock skew. */
  now: number;
  /** Number of digits of the code. */
  codeLength: number;
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** A code was sent (by SMS or e-mail); the same shape for both channels. */
export type CodeSentResult = SmsSentResult;

/** The name of a method of the contract: registration, sign-in or the account area. */
export type ContractMethod = keyof PforteAdapter | keyof PforteSignInAdapter | keyof PforteAccountAdapter;

/** What a registration link (invitation) says about the person invited; every detail is optional. */
export interface InvitationDetails {
  email?: string;
  salutation?: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  organization?: string;
  invitedBy?: string;
  /** Server ms epoch until which the link works. */
  validUntil: number;
}

/** Personal data of the profile step; phone numbers in E.164. */
export interface ProfileValues {
  salutation?: string;
  title?: string;
  firstName?: string;
  lastName?: string;
  position?: string;
  /** E.164 */
  mobile?: string;
  /** E.164 */
  phone?: string;
  email?: string;
}

/** A verification e-mail was sent. */
export interface EmailSentResult {
  /** The address it went to (the one the flow knows). */
  email: string;
  /** Server ms epoch from which another e-mail may be requested. */
  resendAvailableAt: number;
  /** Server ms epoch when the link in this e-mail stops working. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered. */
  now: number;
  /** How many hours the link is valid. */
  validityHours: number;
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** The e-mail address was confirmed by the link; enough to resume the flow in another tab. */
export interface EmailConfirmedResult {
  flowId: string;
  /** Server ms epoch when the flow expires. */
  expiresAt: number;
  /** Server clock (ms epoch) when it answered. */
  now: number;
  /** Steps the server knows to be done in this flow, `emailVerification` included. */
  completedSteps: StepId[];
  /** Client clock when the answer arrived; stamped by {@link guardAdapter}. */
  receivedAt?: number;
}

/** An organization (practice) the person registered or asked to join. */
export interface OrganizationResult {
  organizationId: string;
  name: string;
}

/** Membership of the new account in an organization. */
export interface OrganizationMembership extends OrganizationResult {
  /** 'pending' until a member approves a join request. */
  status: 'member' | 'pending';
}

/** The account was created. */
export interface CompleteResult {
  accountId: string;
  username: string;
  /** Optional steps put off for later. */
  skipped: StepId[];
  /** Whether the person is visible in the contact search. */
  visible: boolean;
  /** The second factor in force: the chosen one once verified, else 'none'. */
  secondFactor: SecondFactorMethod;
  /** The organization registered or joined in this flow. */
  organization?: OrganizationMembership;
  /** Whether the account's e-mail address was confirmed by a link. */
  emailVerified: boolean;
}

/**
 * The contract between the elements and a backend. Every method is async and
 * fails only with a {@link PforteError}; every one may fail with 'network',
 * 'timeout', 'rate_limited', 'flow.unknown', 'flow.expired' and 'link.used'
 * (the flow was already completed) besides the codes listed per method.
 * Secrets (password, PIN, code) travel only in inputs, and the PIN once in
 * the result of `issuePin`; never in an error.
 */
export interface PforteAdapter {
  /**
   * Opens a registration flow (e.g. from a registration link), bound to the
   * product `product` (the config's `id`; without one, the backend's default
   * product): every later call is checked against that product's config.
   * `invitation` is the link's token, for bookkeeping; `openInvitation`
   * validates it. Errors: 'product.unknown', 'input.invalid' (a locale that is
   * none), 'link.expired', 'link.used'.
   */
  startRegistration(
    input: { locale: string; product?: string; invitation?: string },
    options?: CallOptions,
  ): Promise<StartResult>;
  /**
   * Sets username and password; may be called again after going back.
   * Returns the username as the server stores it.
   * Errors: 'identifier.unavailable', 'identifier.invalid' (field 'username');
   * 'password.too_short', 'password.rejected' (field 'password').
   */
  submitCredentials(
    input: { flowId: string; username: string; password: string },
    options?: CallOptions,
  ): Promise<{ username: string }>;
  /**
   * Generates a service PIN of `length` digits and returns it this once; the
   * server never shows it again. Calling again issues a fresh PIN and
   * invalidates the previous one (and its confirmation), so a PIN is never
   * handed out twice. Errors: 'step.required' (credentials first), 'pin.invalid' (bad length).
   */
  issuePin(input: { flowId: string; length: number }, options?: CallOptions): Promise<{ pin: string }>;
  /**
   * Sets a PIN the person chose. Errors: 'pin.invalid' (not 4–12 digits),
   * 'pin.trivial' (e.g. 000000, 123456) — both field 'pin'; 'step.required'.
   */
  setPin(input: { flowId: string; pin: string }, options?: CallOptions): Promise<void>;
  /** Records that the person has stored the PIN safely. Errors: 'step.required' (no PIN yet). */
  confirmPinSaved(input: { flowId: string }, options?: CallOptions): Promise<void>;
  /**
   * Sends a code by SMS to `phone` (E.164), replacing any earlier code.
   * Errors: 'phone.invalid' (field 'phone'); 'rate_limited' with
   * `retryAfterSeconds`, `resendAvailableAt` and `now`; 'step.required'.
   */
  sendSmsCode(input: { flowId: string; phone: string }, options?: CallOptions): Promise<SmsSentResult>;
  /**
   * Checks the SMS code; a code works once.
   * Errors: 'code.invalid' (field 'code', `attemptsRemaining`), 'code.expired'
   * (also after it was used), 'code.max_attempts' (the code is dead; send a
   * new one), 'step.required' (no code sent).
   */
  verifySmsCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void>;
  /** Puts off an optional step ("activate later"). Errors: 'step.required' when the step is not optional. */
  skipStep(input: { flowId: string; step: StepId }, options?: CallOptions): Promise<void>;
  /** Opts in to or out of the contact search. Errors: 'step.required' (credentials first). */
  setVisibility(input: { flowId: string; visible: boolean }, options?: CallOptions): Promise<void>;
  /**
   * Opens the registration link (invitation) `token` for this flow and returns
   * what it says about the person, for prefilling.
   * Errors: 'link.invalid' (unknown token), 'link.expired' (with
   * `validityDays`), 'link.used' (a registration from it was completed).
   */
  openInvitation(input: { flowId: string; token: string }, options?: CallOptions): Promise<InvitationDetails>;
  /**
   * Stores the person's data (again after going back). An `email` here
   * becomes the flow's e-mail address.
   * Errors: 'profile.invalid' with `field` the profile key (e.g. 'mobile').
   */
  submitProfile(input: { flowId: string; profile: ProfileValues }, options?: CallOptions): Promise<void>;
  /**
   * Records that the person accepted the terms and the privacy notice at
   * `acceptedAt` (client ms epoch; the server records its own time as well).
   * Errors: 'terms.required' (a `version` other than the one in force).
   */
  acceptTerms(input: { flowId: string; acceptedAt: number; version?: string }, options?: CallOptions): Promise<void>;
  /**
   * Sends an e-mail with a link `${returnUrl}#pforte-email-token=<token>` to the
   * flow's e-mail address. The token is random, single use, bound to the flow
   * and valid `validityHours`. `returnUrl` is the page URL without a fragment.
   * Errors: 'rate_limited' (`retryAfterSeconds`, `resendAvailableAt`, `now`),
   * 'step.required' (no e-mail address known yet).
   */
  sendVerificationEmail(input: { flowId: string; returnUrl: string }, options?: CallOptions): Promise<EmailSentResult>;
  /**
   * Confirms the e-mail address with the token from the link; works without
   * a flow id, so the link may open in a new tab, and returns the flow to resume.
   * Errors: 'link.invalid', 'link.expired' (with `validityHours`), 'link.used'.
   */
  confirmEmail(input: { token: string }, options?: CallOptions): Promise<EmailConfirmedResult>;
  /**
   * Finds the customer by customer number AND the e-mail address on file
   * (compared case-insensitively); that address becomes the flow's.
   * Errors: 'customer.mismatch' (no `field`: it never says which of the two
   * was wrong), 'captcha.invalid' (a bad or used `captchaToken`).
   */
  lookupCustomer(
    input: { flowId: string; customerNumber: string; email: string; captchaToken?: string },
    options?: CallOptions,
  ): Promise<{ customerName?: string }>;
  /** Checks a captcha token (single use). Errors: 'captcha.invalid'. */
  verifyCaptcha(input: { flowId: string; token: string }, options?: CallOptions): Promise<void>;
  /**
   * Registers a new organization with the person as its first member (created
   * with the account). Errors: 'organization.invalid' (field 'name',
   * 'postalCode' or 'customerNumber'), 'step.required' (credentials first).
   */
  registerOrganization(
    input: { flowId: string; name: string; postalCode: string; customerNumber?: string },
    options?: CallOptions,
  ): Promise<OrganizationResult>;
  /**
   * Asks to join the organization with this customer number and postal code;
   * a member must approve, so the membership stays 'pending'.
   * Errors: 'organization.not_found' (no field), 'organization.full' (the
   * maximum of members and pending requests is reached),
   * 'organization.invalid' (field 'customerNumber' or 'postalCode'), 'step.required'.
   */
  joinOrganization(
    input: { flowId: string; customerNumber: string; postalCode: string },
    options?: CallOptions,
  ): Promise<OrganizationResult & { status: 'pending' }>;
  /**
   * Records the chosen second factor; `complete` then insists on the matching
   * verified code (unless that step was put off) and reports it.
   */
  chooseSecondFactor(input: { flowId: string; method: SecondFactorMethod }, options?: CallOptions): Promise<void>;
  /**
   * Sends a one-time code to the flow's e-mail address, replacing any earlier
   * code. Errors: 'rate_limited' (as for SMS), 'step.required' (no account or
   * no e-mail address yet).
   */
  sendEmailCode(input: { flowId: string }, options?: CallOptions): Promise<CodeSentResult>;
  /** Checks the e-mail code; the same rules and errors as {@link PforteAdapter.verifySmsCode}. */
  verifyEmailCode(input: { flowId: string; code: string }, options?: CallOptions): Promise<void>;
  /**
   * Creates the account and closes the flow.
   * Errors: 'step.required' when a required step is missing (credentials
   * always; the verified code of a chosen second factor), 'terms.required'
   * (the product demands accepted terms), 'link.used' (the invitation was
   * used by another registration meanwhile), 'organization.full'.
   */
  complete(input: { flowId: string }, options?: CallOptions): Promise<CompleteResult>;
}

/** Options of {@link guardAdapter}. */
export interface GuardOptions {
  /** A call that takes longer rejects with PforteError 'timeout' (and its signal is aborted). */
  timeoutMs: number;
  /** Client clock used to stamp `receivedAt` on results and errors that carry a server `now`. */
  clock?: Clock;
}

/**
 * The parts of {@link guardAdapter}: `run` a call with the timeout and error
 * mapping, and parse its result (`validated`, `stamped` with `receivedAt`, or
 * `nothing`). Shared with the sign-in contract's guard.
 */
export function createGuard({ timeoutMs, clock = systemClock }: GuardOptions) {
  // Fetched from the start, so the first answer need not wait for it; a failed load is retried by the next call.
  void loadValidation().catch(() => undefined);
  async function run<T>(
    options: CallOptions | undefined,
    call: (options: CallOptions) => Promise<unknown>,
    parse: (value: unknown) => T | Promise<T>,
  ): Promise<T> {
    const outer = options?.signal;
    if (outer?.aborted) throw new PforteError('timeout', { cause: outer.reason });
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let onAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      const stop = (error: PforteError) => {
        controller.abort(error);
        reject(error);
      };
      timer = setTimeout(() => stop(new PforteError('timeout')), timeoutMs);
      onAbort = () => stop(new PforteError('timeout', { cause: outer?.reason }));
      outer?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      const value = await Promise.race([call({ signal: controller.signal }), stopped]);
      return await parse(value);
    } catch (error) {
      throw stampError(toPforteError(error), clock);
    } finally {
      clearTimeout(timer);
      if (onAbort) outer?.removeEventListener('abort', onAbort);
    }
  }

  // The result schemas load with zod on first use, while the first call is on the wire.
  const validated =
    <T>(method: ContractMethod) =>
    async (value: unknown): Promise<T> =>
      (await loadValidation()).parseResult(method, value) as T;
  const stamped =
    <T extends object>(method: ContractMethod) =>
    async (value: unknown): Promise<T & { receivedAt: number }> => ({ ...(await validated<T>(method)(value)), receivedAt: clock.now() });
  // Void methods: whatever a backend returns is dropped, never passed on.
  const nothing = (): void => undefined;

  return { run, validated, stamped, nothing };
}

/**
 * Wraps an adapter so the elements can trust it: every call gets a timeout
 * (combined with the caller's signal), anything thrown becomes a
 * {@link PforteError} via {@link toPforteError}, and every result is
 * validated; a malformed one becomes 'response.invalid' and is never passed
 * on. Results and errors that carry a server `now` get `receivedAt` from the
 * client clock, so countdowns can cancel clock skew.
 */
export function guardAdapter(adapter: PforteAdapter, options: GuardOptions): PforteAdapter {
  const { run, validated, stamped, nothing } = createGuard(options);
  return {
    startRegistration: (input, options) =>
      run(options, (o) => adapter.startRegistration(input, o), stamped('startRegistration')),
    submitCredentials: (input, options) =>
      run(options, (o) => adapter.submitCredentials(input, o), validated('submitCredentials')),
    issuePin: (input, options) => run(options, (o) => adapter.issuePin(input, o), validated('issuePin')),
    setPin: (input, options) => run(options, (o) => adapter.setPin(input, o), nothing),
    confirmPinSaved: (input, options) => run(options, (o) => adapter.confirmPinSaved(input, o), nothing),
    sendSmsCode: (input, options) => run(options, (o) => adapter.sendSmsCode(input, o), stamped('sendSmsCode')),
    verifySmsCode: (input, options) => run(options, (o) => adapter.verifySmsCode(input, o), nothing),
    skipStep: (input, options) => run(options, (o) => adapter.skipStep(input, o), nothing),
    setVisibility: (input, options) => run(options, (o) => adapter.setVisibility(input, o), nothing),
    openInvitation: (input, options) =>
      run(options, (o) => adapter.openInvitation(input, o), validated('openInvitation')),
    submitProfile: (input, options) => run(options, (o) => adapter.submitProfile(input, o), nothing),
    acceptTerms: (input, options) => run(options, (o) => adapter.acceptTerms(input, o), nothing),
    sendVerificationEmail: (input, options) =>
      run(options, (o) => adapter.sendVerificationEmail(input, o), stamped('sendVerificationEmail')),
    confirmEmail: (input, options) =>
      run(options, (o) => adapter.confirmEmail(input, o), stamped('confirmEmail')),
    lookupCustomer: (input, options) =>
      run(options, (o) => adapter.lookupCustomer(input, o), validated('lookupCustomer')),
    verifyCaptcha: (input, options) => run(options, (o) => adapter.verifyCaptcha(input, o), nothing),
    registerOrganization: (input, options) =>
      run(options, (o) => adapter.registerOrganization(input, o), validated('registerOrganization')),
    joinOrganization: (input, options) =>
      run(options, (o) => adapter.joinOrganization(input, o), validated('joinOrganization')),
    chooseSecondFactor: (input, options) => run(options, (o) => adapter.chooseSecondFactor(input, o), nothing),
    sendEmailCode: (input, options) =>
      run(options, (o) => adapter.sendEmailCode(input, o), stamped('sendEmailCode')),
    verifyEmailCode: (input, options) => run(options, (o) => adapter.verifyEmailCode(input, o), nothing),
    complete: (input, options) => run(options, (o) => adapter.complete(input, o), validated('complete')),
  };
}

function stampError(error: PforteError, clock: Clock): PforteError {
  if (error.now === undefined || error.receivedAt !== undefined) return error;
  return new PforteError(error.code, {
    ...pforteErrorDetails(error),
    receivedAt: clock.now(),
    cause: error.cause,
  });
}

function pforteErrorDetails(error: PforteError) {
  const { field, retryAfterSeconds, attemptsRemaining, resendAvailableAt, now, serverMessage, validityDays, validityHours } =
    error;
  return { field, retryAfterSeconds, attemptsRemaining, resendAvailableAt, now, serverMessage, validityDays, validityHours };
}
