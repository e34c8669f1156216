import type { CompleteResult, ProfileValues } from '../adapter.js';
import type { ResolvedStep } from '../config.js';
import { PforteError } from '../errors.js';
import { isTrivialPin } from '../pin.js';
import { evaluatePassword } from '../policy.js';
import { isEmailVerified } from '../steps/email-verification.js';
import type { OrganizationStep } from '../steps/organization.js';
import type { PinStep } from '../steps/pin.js';
import { profileFields, type ProfileStep } from '../steps/profile.js';
import { stepIds, type StepId } from '../steps/registry.js';
import type { SecondFactorChoiceStep } from '../steps/second-factor-choice.js';
import type { EmailVerificationStep } from '../steps/email-verification.js';
import type { TermsStep } from '../steps/terms.js';
import type { AdapterAction, SecondFactorMethod } from '../steps/types.js';
import { backendDefaults } from './defaults.js';
import { isEmailAddress } from './email.js';
import { e164Pattern } from './phone.js';
import type { Product } from './product.js';
import { hasForbiddenCharacters } from './text.js';
import { hasRefusedUsernameCharacters, isMixedScriptUsername, prepareUsername } from './username.js';
import type { FlowView } from './view.js';

/** The flow exists, is open and has not expired: else 'flow.unknown', 'link.used' or 'flow.expired'. */
export function checkFlowOpen(view: FlowView | undefined, now: number): FlowView {
  if (!view) throw new PforteError('flow.unknown');
  if (view.completed) throw new PforteError('link.used');
  if (now >= view.expiresAt) throw new PforteError('flow.expired');
  return view;
}

function descriptor(product: Product, id: string) {
  return product.registry.get(id)!;
}

/** Whether the flow runs `step` as it stands (a second-factor choice routes around code steps). */
export function isActive(product: Product, view: FlowView, step: { id: string }): boolean {
  return descriptor(product, step.id).isActive?.(view.secondFactorChoice) ?? true;
}

/** Whether `step` counts as done in the flow. */
export function isDone(product: Product, view: FlowView, step: { id: string }): boolean {
  const found = product.config.steps.find((candidate) => candidate.id === step.id) ?? step;
  return descriptor(product, step.id).isDone(view, found as never);
}

/**
 * The step that `action` acts on, after checking that the flow's product has
 * it ('step.unavailable' otherwise, also when a second-factor choice routed
 * around it) and that the steps it needs first are done ('step.required').
 */
export function requireStep<Step extends ResolvedStep = ResolvedStep>(product: Product, view: FlowView, action: AdapterAction): Step {
  return stepOpenTo(product, view, product.registry.stepOfAction(action)) as Step;
}

/** The product's step `id` where the flow runs it and the steps it needs are done ('step.unavailable', 'step.required'). */
function stepOpenTo(product: Product, view: FlowView, id: string | undefined): ResolvedStep {
  const step = product.config.steps.find((candidate) => candidate.id === id);
  if (!step || !isActive(product, view, step)) throw new PforteError('step.unavailable');
  for (const needed of descriptor(product, step.id).after ?? []) {
    if (!isDone(product, view, { id: needed })) throw new PforteError('step.required');
  }
  return step;
}

/** A step may be put off only where the product makes it optional: else 'step.required'. */
export function skipStep(product: Product, view: FlowView, id: StepId): void {
  stepOpenTo(product, view, id);
  if (!product.skippable.has(id)) throw new PforteError('step.required');
  if (!view.skipped.includes(id)) view.skipped.push(id);
  if (id === 'sms') view.smsVerified = false;
  if (id === 'emailCode') view.emailCodeVerified = false;
}

/** Marks a step as done by its action, so it is no longer put off. */
export function unskip(view: FlowView, id: StepId): void {
  view.skipped = view.skipped.filter((entry) => entry !== id);
}

/**
 * The username as stored, or 'identifier.invalid' (field 'username'): as
 * {@link prepareUsername} makes it (trimmed, width-mapped, NFC), the
 * product's length in code points, no white space, control, format or other
 * invisible characters, no look-alike mix of scripts, and an e-mail address
 * where the product signs in with one.
 */
export async function acceptUsername(product: Product, raw: string): Promise<string> {
  const name = prepareUsername(raw);
  const { kind, minLength, maxLength } = product.config.username;
  const length = [...name].length;
  const valid =
    length >= minLength &&
    length <= maxLength &&
    !hasForbiddenCharacters(name) &&
    !hasRefusedUsernameCharacters(name) &&
    (kind !== 'email' || isEmailAddress(name)) &&
    !(await isMixedScriptUsername(name));
  if (!valid) throw new PforteError('identifier.invalid', { field: 'username' });
  return name;
}

/** The product's password policy on `password`: 'password.too_short' or 'password.rejected' (field 'password'). */
export function passwordProblem(product: Product, password: string, username: string): PforteError | undefined {
  const evaluation = evaluatePassword(product.config.passwordPolicy, password, { identifier: username });
  if (evaluation.ok) return undefined;
  const tooShort = evaluation.results.some((result) => result.rule.kind === 'minLength' && !result.met);
  return new PforteError(tooShort ? 'password.too_short' : 'password.rejected', { field: 'password' });
}

/** Records accepted credentials; an e-mail username gives the flow its address (the latest source wins). */
export function acceptCredentials(product: Product, view: FlowView, username: string): void {
  view.username = username;
  if (product.config.username.kind === 'email' || isEmailAddress(username)) view.email = username;
}

function pinLengthFits(product: Product, step: PinStep, length: number): boolean {
  return product.open ? Number.isInteger(length) && length >= 4 && length <= 12 : length === step.length;
}

/** A generated PIN of `length` digits: the product's length and mode only ('pin.invalid', 'step.unavailable'). */
export function checkPinRequest(product: Product, step: PinStep, length: number): void {
  if (!product.open && step.mode !== 'generated') throw new PforteError('step.unavailable');
  if (!pinLengthFits(product, step, length)) throw new PforteError('pin.invalid');
}

/** A chosen PIN: the product's length in digits ('pin.invalid') and not trivial ('pin.trivial'), both field 'pin'. */
export function checkChosenPin(product: Product, step: PinStep, pin: string): void {
  if (!product.open && step.mode !== 'chosen') throw new PforteError('step.unavailable');
  if (!/^\d+$/.test(pin) || !pinLengthFits(product, step, pin.length)) throw new PforteError('pin.invalid', { field: 'pin' });
  if (isTrivialPin(pin)) throw new PforteError('pin.trivial', { field: 'pin' });
}

/**
 * The profile as stored: trimmed values of the fields the product asks for;
 * a field it does not ask for, a required one left empty, more than 200
 * characters, a phone number not in E.164 or an e-mail address that is none
 * is 'profile.invalid' with that `field`.
 */
export function cleanProfile(product: Product, step: ProfileStep, profile: Record<string, unknown>): ProfileValues {
  const values: ProfileValues = {};
  for (const key of profileFields) {
    const raw = profile[key];
    const mode = product.open ? 'optional' : step.fields[key];
    const invalid = new PforteError('profile.invalid', { field: key });
    if (raw !== undefined && raw !== null && typeof raw !== 'string') throw invalid;
    const value = typeof raw === 'string' ? raw.trim().normalize('NFC') : '';
    if (value === '') {
      if (mode === 'required') throw invalid;
      continue;
    }
    if (mode === 'absent' || value.length > 200 || hasForbiddenCharacters(value)) throw invalid;
    if ((key === 'mobile' || key === 'phone') && !e164Pattern.test(value)) throw invalid;
    if (key === 'email' && !isEmailAddress(value)) throw invalid;
    values[key] = value;
  }
  return values;
}

/** Earliest acceptance time a backend records (2000-01-01); later than a day ahead of the server is refused too. */
const earliestTimestamp = Date.UTC(2000, 0, 1);

/**
 * The acceptance of the terms: `acceptedAt` a whole ms epoch between 2000 and
 * a day past the server's clock ('input.invalid', field 'acceptedAt'), and
 * the version in force where the product names one ('terms.required').
 */
export function checkTermsAcceptance(step: TermsStep, input: { acceptedAt: number; version?: string | undefined }, now: number): void {
  const { acceptedAt } = input;
  if (!Number.isSafeInteger(acceptedAt) || acceptedAt < earliestTimestamp || acceptedAt > now + 24 * 60 * 60 * 1000) {
    throw new PforteError('input.invalid', { field: 'acceptedAt' });
  }
  if (step.version !== undefined && input.version !== step.version) throw new PforteError('terms.required');
}

/**
 * A link to `returnUrl` without its fragment plus `#name=token`: e-mail
 * confirmations, reset links, account and guest invitations. Its origin must
 * be one of `allowedOrigins`, or, where there are none, the origin of the page
 * that asked (`requestOrigin`); anything else is 'link.invalid' (field
 * 'returnUrl'), so nobody can mail a person a link to another site.
 */
export function tokenLink(allowedOrigins: readonly string[], returnUrl: string, requestOrigin: string | undefined, name: string, token: string): string {
  const refused = new PforteError('link.invalid', { field: 'returnUrl' });
  let url: URL;
  try {
    url = new URL(returnUrl);
  } catch {
    throw refused;
  }
  const allowed = allowedOrigins.length > 0 ? allowedOrigins : requestOrigin === undefined ? [] : [requestOrigin];
  if (!/^https?:$/.test(url.protocol) || !allowed.includes(url.origin) || url.username !== '' || url.password !== '') throw refused;
  url.hash = '';
  return `${url.href}#${name}=${token}`;
}

/** The confirmation link of the e-mail verification step: origins from its `returnUrlOrigins`. */
export function verificationLink(step: EmailVerificationStep, returnUrl: string, requestOrigin: string | undefined, token: string): string {
  return tokenLink(step.returnUrlOrigins, returnUrl, requestOrigin, 'pforte-email-token', token);
}

/** The flow's e-mail address, or 'step.required' while no step has given one. */
export function requireEmail(view: FlowView): string {
  if (view.email === undefined) throw new PforteError('step.required');
  return view.email;
}

/** A method the product offers: else 'input.invalid' (field 'method'). */
export function checkSecondFactorChoice(step: SecondFactorChoiceStep, method: string): SecondFactorMethod {
  if (!(step.choices as string[]).includes(method)) throw new PforteError('input.invalid', { field: 'method' });
  return method as SecondFactorMethod;
}

/** A captcha token of a sane size; whether it is good is the verifier's business. */
export function checkCaptchaToken(token: string | undefined): string {
  if (token === undefined || token.length === 0 || token.length > backendDefaults.maxCaptchaTokenLength) {
    throw new PforteError('captcha.invalid', { field: 'captcha' });
  }
  return token;
}

/** Postal codes compare without spaces and case ("10115" = "10 115"). */
export function normalizePostalCode(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

const postalCodePattern = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;

/**
 * The input of registering or joining an organization, trimmed: the mode
 * must be one the product offers ('step.unavailable'); a name of 1–200
 * characters, a customer number of 1–64, a postal code of 2–10 letters and
 * digits ('organization.invalid' with the field).
 */
export function checkOrganizationInput(
  product: Product,
  step: OrganizationStep,
  mode: 'register' | 'join',
  input: { name?: string | undefined; postalCode: string; customerNumber?: string | undefined },
): { name?: string; postalCode: string; customerNumber?: string } {
  if (!product.open && !step.modes.includes(mode)) throw new PforteError('step.unavailable');
  const cleaned: { name?: string; postalCode: string; customerNumber?: string } = { postalCode: input.postalCode.trim() };
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw new PforteError('organization.invalid', { field: 'name' });
    cleaned.name = name;
  }
  if (input.customerNumber !== undefined) {
    const number = input.customerNumber.trim();
    if (number.length === 0 || number.length > 64) throw new PforteError('organization.invalid', { field: 'customerNumber' });
    cleaned.customerNumber = number;
  }
  if (!postalCodePattern.test(cleaned.postalCode)) throw new PforteError('organization.invalid', { field: 'postalCode' });
  return cleaned;
}

/** "First Last" from a profile, where it has a name: how members see who asks to join. */
export function personName(profile: Pick<ProfileValues, 'firstName' | 'lastName'> | undefined): string | undefined {
  const name = [profile?.firstName, profile?.lastName].filter((part) => part !== undefined && part !== '').join(' ');
  return name === '' ? undefined : name;
}

/** The product's organization settings: its organization step's, else the step's defaults. */
export function organizationSettings(product: Product): Pick<OrganizationStep, 'maxMembers' | 'managedBy'> {
  const step = product.config.steps.find((candidate): candidate is OrganizationStep => candidate.id === 'organization');
  return { maxMembers: step?.maxMembers ?? 5, managedBy: step?.managedBy ?? 'members' };
}

/** Members plus pending join requests may not pass the product's maximum: 'organization.full'. */
export function checkOrganizationRoom(product: Product, members: number): void {
  if (members >= organizationSettings(product).maxMembers) throw new PforteError('organization.full');
}

/**
 * Why the flow cannot complete yet, if it cannot: a required step of the
 * product that runs and is not done ('terms.required' for the terms,
 * 'step.required' otherwise), an issued PIN not confirmed as stored, or a
 * chosen second factor that is neither verified nor put off where the
 * product allows that.
 */
export function completionProblem(product: Product, view: FlowView): PforteError | undefined {
  for (const step of product.config.steps) {
    if (!product.required.has(step.id) || !isActive(product, view, step) || isDone(product, view, step)) continue;
    return new PforteError(step.id === 'terms' ? 'terms.required' : 'step.required');
  }
  if (view.pin === 'issued' && !view.pinConfirmed) return new PforteError('step.required');
  const choice = view.secondFactorChoice;
  const open = (method: 'sms' | 'email', step: StepId, verified: boolean) =>
    choice === method && !verified && !(view.skipped.includes(step) && product.skippable.has(step));
  if (open('sms', 'sms', view.smsVerified) || open('email', 'emailCode', view.emailCodeVerified)) {
    return new PforteError('step.required');
  }
  return undefined;
}

/** The second factor in force: the chosen one once verified, else whichever code was verified, else 'none'. */
export function secondFactorOf(view: FlowView): SecondFactorMethod {
  const choice = view.secondFactorChoice;
  if (choice !== undefined) {
    return (choice === 'sms' && view.smsVerified) || (choice === 'email' && view.emailCodeVerified) ? choice : 'none';
  }
  return view.smsVerified ? 'sms' : view.emailCodeVerified ? 'email' : 'none';
}

/** The product's steps the flow has done, for resuming it in another tab (without 'done'). */
export function completedSteps(product: Product, view: FlowView): StepId[] {
  return product.config.steps
    .filter((step) => step.id !== 'done' && isActive(product, view, step) && isDone(product, view, step))
    .map((step) => step.id);
}

/** What `complete` answers, from the flow and the account the backend created. */
export function completeResult(
  view: FlowView & { username: string },
  account: { accountId: string; organization?: CompleteResult['organization'] },
): CompleteResult {
  const result: CompleteResult = {
    accountId: account.accountId,
    username: view.username,
    skipped: stepIds.filter((step) => view.skipped.includes(step)),
    visible: view.visible,
    secondFactor: secondFactorOf(view),
    emailVerified: isEmailVerified(view),
  };
  if (account.organization) result.organization = account.organization;
  return result;
}

/** Whether a customer lookup must carry a captcha: where the product says so, and whenever one is sent. */
export function lookupNeedsCaptcha(step: { captcha: boolean }, token: string | undefined): boolean {
  return step.captcha || token !== undefined;
}

/** Tokens of the widget's built-in test captcha provider (`pforte-test-captcha:<nonce>`), which development backends accept once. */
export function isTestCaptchaToken(token: string): boolean {
  return /^pforte-test-captcha:[\w-]{1,200}$/.test(token);
}
