import {
  createManualClock,
  type ManualClock,
} from '../src/index.js';
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
} from '../src/memory.js';
import { deepEqual, describe, equal, it, notEqual, ok } from './assert.js';
import { expectCode } from './expect-code.js';

const goodPassword = 'lange-sichere-Passphrase';
const phone = '+4915112345678';
const day = 24 * 3600 * 1000;
const returnUrl = 'https://praxis.example/registrieren?produkt=vs';


interface Setup {
  adapter: MemoryAdapter;
  clock: ManualClock;
  flowId: string;
}

async function start(options: MemoryAdapterOptions = {}): Promise<Setup> {
  const clock = createManualClock();
  // The page the requests come from: the origin e-mail links may point to.
  const adapter = createMemoryAdapter({ clock, origin: new URL(returnUrl).origin, ...options });
  const { flowId } = await adapter.startRegistration({ locale: 'de' });
  return { adapter, clock, flowId };
}

async function withAccount(options: MemoryAdapterOptions = {}, username = 'anna@praxis.de'): Promise<Setup> {
  const setup = await start(options);
  await setup.adapter.submitCredentials({ flowId: setup.flowId, username, password: goodPassword });
  return setup;
}

const tokenOf = (link: string) => new URL(link).hash.replace('#pforte-email-token=', '');

describe('memory adapter: seed-product steps', () => {
  describe('invitations', () => {
    it('opens a valid invitation and prefills from it', async () => {
      const { adapter, clock, flowId } = await start({
        invitations: [{ token: 'inv-1', email: 'anna@praxis.de', firstName: 'Anna', lastName: 'Berg', invitedBy: 'Dr. Tal' }],
      });
      deepEqual(await adapter.openInvitation({ flowId, token: 'inv-1' }), {
        email: 'anna@praxis.de',
        firstName: 'Anna',
        lastName: 'Berg',
        invitedBy: 'Dr. Tal',
        validUntil: clock.now() + 14 * day,
      });
    });

    it("rejects unknown tokens with 'link.invalid'", async () => {
      const { adapter, flowId } = await start();
      await expectCode(adapter.openInvitation({ flowId, token: 'nope' }), 'link.invalid');
    });

    it('expires after validityDays from createdAt, with validityDays in the error', async () => {
      const { adapter, clock, flowId } = await start({ flowTtlSeconds: 365 * 24 * 3600 });
      const token = adapter.createInvitation({ validityDays: 90, email: 'b2b@firma.de' });
      clock.advance(90 * day - 1);
      equal((await adapter.openInvitation({ flowId, token })).email, 'b2b@firma.de');
      clock.advance(1);
      await expectCode(adapter.openInvitation({ flowId, token }), 'link.expired', { validityDays: 90 });
      const old = adapter.createInvitation({ createdAt: clock.now() - 15 * day });
      await expectCode(adapter.openInvitation({ flowId, token: old }), 'link.expired', { validityDays: 14 });
    });

    it("is single use: 'link.used' once a registration from it completed", async () => {
      const { adapter, flowId } = await start({ invitations: [{ token: 'inv', email: 'anna@praxis.de' }] });
      await adapter.openInvitation({ flowId, token: 'inv' });
      // A second flow opens the same link before the first completes.
      const second = await adapter.startRegistration({ locale: 'de' });
      await adapter.openInvitation({ flowId: second.flowId, token: 'inv' });
      await adapter.submitCredentials({ flowId, username: 'anna@praxis.de', password: goodPassword });
      await adapter.complete({ flowId });
      await expectCode(adapter.openInvitation({ flowId: second.flowId, token: 'inv' }), 'link.used');
      await adapter.submitCredentials({ flowId: second.flowId, username: 'anna2', password: goodPassword });
      await expectCode(adapter.complete({ flowId: second.flowId }), 'link.used');
      const third = await adapter.startRegistration({ locale: 'de', invitation: 'inv' });
      await expectCode(adapter.openInvitation({ flowId: third.flowId, token: 'inv' }), 'link.used');
      const used = createMemoryAdapter({ invitations: [{ token: 'u', used: true }] });
      const flow = await used.startRegistration({ locale: 'de' });
      await expectCode(used.openInvitation({ flowId: flow.flowId, token: 'u' }), 'link.used');
    });

    it('creates random tokens', () => {
      const adapter = createMemoryAdapter();
      const a = adapter.createInvitation();
      const b = adapter.createInvitation();
      notEqual(a, b);
      ok(a.length >= 32);
    });
  });

  describe('profile and terms', () => {
    it('validates phone numbers and e-mail, naming the field', async () => {
      const { adapter, flowId } = await start();
      await expectCode(adapter.submitProfile({ flowId, profile: { mobile: '0151 123' } }), 'profile.invalid', { field: 'mobile' });
      await expectCode(adapter.submitProfile({ flowId, profile: { phone: '030' } }), 'profile.invalid', { field: 'phone' });
      await expectCode(adapter.submitProfile({ flowId, profile: { email: 'anna' } }), 'profile.invalid', { field: 'email' });
      await expectCode(adapter.submitProfile({ flowId, profile: { lastName: 'x'.repeat(201) } }), 'profile.invalid', { field: 'lastName' });
      await adapter.submitProfile({ flowId, profile: { firstName: ' Anna ', lastName: 'Berg', mobile: phone, title: '' } });
      await adapter.submitCredentials({ flowId, username: 'anna', password: goodPassword });
      await adapter.complete({ flowId });
      deepEqual(adapter.accounts[0]!.profile, { firstName: 'Anna', lastName: 'Berg', mobile: phone });
    });

    it('records accepted terms and checks the version in force', async () => {
      const { adapter, clock, flowId } = await withAccount({ termsVersion: '2026-01', requiredSteps: ['credentials', 'terms'] });
      await expectCode(adapter.complete({ flowId }), 'terms.required');
      await expectCode(adapter.acceptTerms({ flowId, acceptedAt: clock.now(), version: '2025-01' }), 'terms.required');
      await adapter.acceptTerms({ flowId, acceptedAt: clock.now(), version: '2026-01' });
      await adapter.complete({ flowId });
      equal(adapter.accounts[0]!.termsVersion, '2026-01');
      equal(adapter.accounts[0]!.termsAcceptedAt, clock.now());
    });
  });

  describe('e-mail verification', () => {
    it("needs a known address ('step.required')", async () => {
      const { adapter, flowId } = await withAccount({}, 'anna-berg');
      await expectCode(adapter.sendVerificationEmail({ flowId, returnUrl }), 'step.required');
    });

    it('sends a fragment link that confirms once and returns the flow', async () => {
      const { adapter, clock, flowId } = await withAccount({ requiredSteps: ['credentials', 'emailVerification'] });
      await expectCode(adapter.complete({ flowId }), 'step.required');
      const sent = await adapter.sendVerificationEmail({ flowId, returnUrl: `${returnUrl}#old-fragment` });
      deepEqual(sent, {
        email: 'anna@praxis.de',
        resendAvailableAt: clock.now() + 60_000,
        expiresAt: clock.now() + 24 * 3600_000,
        now: clock.now(),
        validityHours: 24,
      });
      const link = adapter.lastEmailLink()!;
      ok(link.startsWith(`${returnUrl}#pforte-email-token=`), link);
      const message = adapter.outbox.at(-1)!;
      equal(message.channel, 'email');
      equal(message.to, 'anna@praxis.de');
      ok(message.text.includes(link));
      const token = tokenOf(link);
      ok(/^[0-9a-f]{32,}$/.test(token), 'a long random token');
      const confirmed = await adapter.confirmEmail({ token });
      equal(confirmed.flowId, flowId);
      equal(confirmed.now, clock.now());
      deepEqual(confirmed.completedSteps, ['credentials', 'emailVerification']);
      await expectCode(adapter.confirmEmail({ token }), 'link.used');
      const result = await adapter.complete({ flowId });
      equal(result.emailVerified, true);
    });

    it('throttles resends like SMS', async () => {
      const { adapter, clock, flowId } = await withAccount();
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      clock.advance(59_000);
      await expectCode(adapter.sendVerificationEmail({ flowId, returnUrl }), 'rate_limited', {
        retryAfterSeconds: 1,
        resendAvailableAt: clock.now() + 1_000,
        now: clock.now(),
      });
      clock.advance(1_000);
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      equal(adapter.outbox.length, 2);
    });

    it("expires after emailLinkValidityHours ('link.expired' with validityHours)", async () => {
      const { adapter, clock, flowId } = await withAccount({ emailLinkValidityHours: 2 });
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      clock.advance(2 * 3600_000);
      await expectCode(adapter.confirmEmail({ token: tokenOf(adapter.lastEmailLink()!) }), 'link.expired', {
        validityHours: 2,
      });
      await expectCode(adapter.confirmEmail({ token: 'f'.repeat(40) }), 'link.invalid');
    });

    it('binds the link to the address it went to', async () => {
      const { adapter, flowId } = await start();
      await adapter.submitProfile({ flowId, profile: { email: 'old@praxis.de' } });
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      await adapter.confirmEmail({ token: tokenOf(adapter.lastEmailLink()!) });
      await adapter.submitProfile({ flowId, profile: { email: 'new@praxis.de' } });
      await adapter.submitCredentials({ flowId, username: 'anna', password: goodPassword });
      equal((await adapter.complete({ flowId })).emailVerified, false, 'the new address is not verified');
    });

    it("a completed flow's link says 'link.used'", async () => {
      const { adapter, flowId } = await withAccount();
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      await adapter.complete({ flowId });
      await expectCode(adapter.confirmEmail({ token: tokenOf(adapter.lastEmailLink()!) }), 'link.used');
    });
  });

  describe('customer lookup and captcha', () => {
    const customers = [{ customerNumber: '4711', email: 'Praxis@Berg.de', name: 'Praxis Dr. Berg' }];

    it('matches customer number and e-mail (case-insensitive) and takes the address on file', async () => {
      const { adapter, flowId } = await start({ customers });
      deepEqual(await adapter.lookupCustomer({ flowId, customerNumber: ' 4711 ', email: 'praxis@berg.DE' }), {
        customerName: 'Praxis Dr. Berg',
      });
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      equal(adapter.outbox.at(-1)!.to, 'Praxis@Berg.de');
    });

    it("never says which of the two was wrong ('customer.mismatch' without field)", async () => {
      const { adapter, flowId } = await start({ customers });
      const wrongNumber = await expectCode(adapter.lookupCustomer({ flowId, customerNumber: '4712', email: 'praxis@berg.de' }), 'customer.mismatch');
      const wrongEmail = await expectCode(adapter.lookupCustomer({ flowId, customerNumber: '4711', email: 'x@berg.de' }), 'customer.mismatch');
      for (const error of [wrongNumber, wrongEmail]) {
        equal(error.field, undefined);
        deepEqual(Object.keys(error).sort(), Object.keys(wrongNumber).sort());
      }
    });

    it('locks a flow for 15 minutes after maxLookupAttempts mismatches', async () => {
      const { adapter, clock, flowId } = await start({ customers, maxLookupAttempts: 2 });
      const lookup = () => adapter.lookupCustomer({ flowId, customerNumber: '1', email: 'a@b.de' });
      await expectCode(lookup(), 'customer.mismatch');
      await expectCode(lookup(), 'customer.mismatch');
      await expectCode(lookup(), 'rate_limited', { retryAfterSeconds: 900 });
      clock.advance(900_000);
      await expectCode(lookup(), 'customer.mismatch');
    });

    it('checks a captcha token with the lookup: test tokens work once', async () => {
      const { adapter, flowId } = await start({ customers, customerLookupCaptcha: true });
      const input = { flowId, customerNumber: '4711', email: 'praxis@berg.de' };
      await expectCode(adapter.lookupCustomer(input), 'captcha.invalid');
      await expectCode(adapter.lookupCustomer({ ...input, captchaToken: 'solved' }), 'captcha.invalid');
      await adapter.lookupCustomer({ ...input, captchaToken: 'pforte-test-captcha:abc123' });
      await expectCode(adapter.lookupCustomer({ ...input, captchaToken: 'pforte-test-captcha:abc123' }), 'captcha.invalid');
    });

    it('verifies a captcha on its own, once', async () => {
      const { adapter, flowId } = await start();
      await expectCode(adapter.verifyCaptcha({ flowId, token: 'pforte-test-captcha:' }), 'captcha.invalid');
      await expectCode(adapter.verifyCaptcha({ flowId, token: 'hcaptcha:123' }), 'captcha.invalid');
      await adapter.verifyCaptcha({ flowId, token: 'pforte-test-captcha:n1' });
      await expectCode(adapter.verifyCaptcha({ flowId, token: 'pforte-test-captcha:n1' }), 'captcha.invalid');
    });
  });

  describe('organizations', () => {
    const organizations = [{ organizationId: 'org_tal', name: 'Praxis Tal', customerNumber: 'K-100', postalCode: '10115', members: 3 }];

    it('registers a new organization, created with the account', async () => {
      const { adapter, flowId } = await withAccount();
      await expectCode(adapter.registerOrganization({ flowId, name: ' ', postalCode: '10115' }), 'organization.invalid', { field: 'name' });
      await expectCode(adapter.registerOrganization({ flowId, name: 'Praxis', postalCode: '?' }), 'organization.invalid', { field: 'postalCode' });
      await expectCode(adapter.registerOrganization({ flowId, name: 'Praxis', postalCode: '10115', customerNumber: ' ' }), 'organization.invalid', { field: 'customerNumber' });
      const registered = await adapter.registerOrganization({ flowId, name: 'Praxis Berg', postalCode: '10115', customerNumber: 'K-200' });
      equal(registered.name, 'Praxis Berg');
      const result = await adapter.complete({ flowId });
      deepEqual(result.organization, { organizationId: registered.organizationId, name: 'Praxis Berg', status: 'member' });
      // Others can now join it.
      const second = await adapter.startRegistration({ locale: 'de' });
      await adapter.submitCredentials({ flowId: second.flowId, username: 'ben@praxis.de', password: goodPassword });
      equal((await adapter.joinOrganization({ flowId: second.flowId, customerNumber: 'k-200', postalCode: '10 115' })).organizationId, registered.organizationId);
    });

    it("needs credentials first ('step.required')", async () => {
      const { adapter, flowId } = await start({ organizations });
      await expectCode(adapter.joinOrganization({ flowId, customerNumber: 'K-100', postalCode: '10115' }), 'step.required');
      await expectCode(adapter.registerOrganization({ flowId, name: 'x', postalCode: '10115' }), 'step.required');
    });

    it("joins by customer number and postal code as 'pending'", async () => {
      const { adapter, flowId } = await withAccount({ organizations });
      await expectCode(adapter.joinOrganization({ flowId, customerNumber: 'K-100', postalCode: '10117' }), 'organization.not_found', { field: undefined });
      await expectCode(adapter.joinOrganization({ flowId, customerNumber: 'K-101', postalCode: '10115' }), 'organization.not_found');
      deepEqual(await adapter.joinOrganization({ flowId, customerNumber: 'K-100', postalCode: '10115' }), {
        organizationId: 'org_tal',
        name: 'Praxis Tal',
        status: 'pending',
      });
      deepEqual((await adapter.complete({ flowId })).organization, { organizationId: 'org_tal', name: 'Praxis Tal', status: 'pending' });
    });

    it("is full at maxOrganizationMembers, counting pending requests ('organization.full')", async () => {
      const clock = createManualClock();
      const adapter = createMemoryAdapter({ clock, organizations, maxOrganizationMembers: 5 });
      const join = async (username: string) => {
        const { flowId } = await adapter.startRegistration({ locale: 'de' });
        await adapter.submitCredentials({ flowId, username, password: goodPassword });
        await adapter.joinOrganization({ flowId, customerNumber: 'K-100', postalCode: '10115' });
        return flowId;
      };
      const first = await join('one@praxis.de');
      const second = await join('two@praxis.de');
      await adapter.complete({ flowId: first });
      // 3 members + 1 pending: one place left, which the second flow takes on completion.
      const third = await join('three@praxis.de');
      await adapter.complete({ flowId: second });
      await expectCode(adapter.complete({ flowId: third }), 'organization.full');
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      await adapter.submitCredentials({ flowId, username: 'four@praxis.de', password: goodPassword });
      await expectCode(adapter.joinOrganization({ flowId, customerNumber: 'K-100', postalCode: '10115' }), 'organization.full');
    });
  });

  describe('second factor choice and e-mail codes', () => {
    it('sends random e-mail codes to the known address, single use', async () => {
      const { adapter, clock, flowId } = await withAccount({ emailCodeLength: 8 });
      const sent = await adapter.sendEmailCode({ flowId });
      deepEqual(sent, { resendAvailableAt: clock.now() + 60_000, expiresAt: clock.now() + 600_000, now: clock.now(), codeLength: 8 });
      const code = adapter.lastCode('email')!;
      ok(/^\d{8}$/.test(code));
      equal(adapter.lastCode(), undefined, 'no SMS was sent');
      equal(adapter.outbox.at(-1)!.to, 'anna@praxis.de');
      await adapter.verifyEmailCode({ flowId, code });
      await expectCode(adapter.verifyEmailCode({ flowId, code }), 'code.expired');
    });

    it('throttles, expires and counts attempts like SMS', async () => {
      const { adapter, clock, flowId } = await withAccount({ maxCodeAttempts: 2 });
      await expectCode(adapter.verifyEmailCode({ flowId, code: '000000' }), 'step.required');
      await adapter.sendEmailCode({ flowId });
      await expectCode(adapter.sendEmailCode({ flowId }), 'rate_limited', { retryAfterSeconds: 60 });
      const code = adapter.lastCode('email')!;
      const wrong = code === '000000' ? '111111' : '000000';
      await expectCode(adapter.verifyEmailCode({ flowId, code: wrong }), 'code.invalid', { attemptsRemaining: 1, field: 'code' });
      await expectCode(adapter.verifyEmailCode({ flowId, code: wrong }), 'code.max_attempts');
      await expectCode(adapter.verifyEmailCode({ flowId, code }), 'code.max_attempts');
      clock.advance(60_000);
      await adapter.sendEmailCode({ flowId });
      clock.advance(600_000);
      await expectCode(adapter.verifyEmailCode({ flowId, code: adapter.lastCode('email')! }), 'code.expired');
    });

    it("needs an account and an address ('step.required')", async () => {
      const { adapter, flowId } = await start();
      await expectCode(adapter.sendEmailCode({ flowId }), 'step.required');
      const named = await withAccount({}, 'anna-berg');
      await expectCode(named.adapter.sendEmailCode({ flowId: named.flowId }), 'step.required');
    });

    it('routes complete() by the chosen factor', async () => {
      const email = await withAccount();
      await email.adapter.chooseSecondFactor({ flowId: email.flowId, method: 'email' });
      await expectCode(email.adapter.complete({ flowId: email.flowId }), 'step.required');
      await email.adapter.sendEmailCode({ flowId: email.flowId });
      await email.adapter.verifyEmailCode({ flowId: email.flowId, code: email.adapter.lastCode('email')! });
      equal((await email.adapter.complete({ flowId: email.flowId })).secondFactor, 'email');

      const sms = await withAccount();
      await sms.adapter.chooseSecondFactor({ flowId: sms.flowId, method: 'sms' });
      await expectCode(sms.adapter.complete({ flowId: sms.flowId }), 'step.required');
      await sms.adapter.sendSmsCode({ flowId: sms.flowId, phone });
      await sms.adapter.verifySmsCode({ flowId: sms.flowId, code: sms.adapter.lastCode(phone)! });
      equal((await sms.adapter.complete({ flowId: sms.flowId })).secondFactor, 'sms');

      const none = await withAccount();
      await none.adapter.sendSmsCode({ flowId: none.flowId, phone });
      await none.adapter.verifySmsCode({ flowId: none.flowId, code: none.adapter.lastCode()! });
      await none.adapter.chooseSecondFactor({ flowId: none.flowId, method: 'none' });
      equal((await none.adapter.complete({ flowId: none.flowId })).secondFactor, 'none', 'the choice wins');

      const later = await withAccount();
      await later.adapter.chooseSecondFactor({ flowId: later.flowId, method: 'email' });
      await later.adapter.skipStep({ flowId: later.flowId, step: 'emailCode' });
      const result = await later.adapter.complete({ flowId: later.flowId });
      equal(result.secondFactor, 'none');
      deepEqual(result.skipped, ['emailCode']);
    });
  });

  it('a code step the choice routed around is not required', async () => {
    const { adapter, flowId } = await withAccount({ requiredSteps: ['credentials', 'secondFactorChoice', 'sms', 'emailCode'] });
    await expectCode(adapter.complete({ flowId }), 'step.required');
    await adapter.chooseSecondFactor({ flowId, method: 'none' });
    equal((await adapter.complete({ flowId })).secondFactor, 'none');
  });

  it('adds customers and organizations at run time', async () => {
    const { adapter, flowId } = await withAccount();
    adapter.addCustomer({ customerNumber: '9', email: 'neu@praxis.de' });
    await adapter.lookupCustomer({ flowId, customerNumber: '9', email: 'neu@praxis.de' });
    const organizationId = adapter.addOrganization({ name: 'Praxis Neu', customerNumber: 'N-1', postalCode: '80331' });
    equal((await adapter.joinOrganization({ flowId, customerNumber: 'N-1', postalCode: '80331' })).organizationId, organizationId);
  });

  describe('seed 003 end to end', () => {
    it('customer lookup, e-mail link in a new tab, choice, profile, account, e-mail code', async () => {
      const clock = createManualClock();
      const adapter = createMemoryAdapter({
        clock,
        origin: new URL(returnUrl).origin,
        customers: [{ customerNumber: '123456', email: 'kasse@praxis.de' }],
        products: {
          kundencenter: {
            username: { kind: 'username' },
            steps: [
              { id: 'customerLookup', captcha: true },
              'emailVerification',
              { id: 'secondFactorChoice', choices: ['none', 'email', 'sms'] },
              { id: 'profile', fields: { salutation: 'required', firstName: 'required', lastName: 'required', mobile: 'optional' } },
              'credentials',
              { id: 'sms', codeLength: 6 },
              { id: 'emailCode', codeLength: 6 },
            ],
          },
        },
      });
      const { flowId } = await adapter.startRegistration({ locale: 'de' });
      await adapter.lookupCustomer({ flowId, customerNumber: '123456', email: 'KASSE@praxis.de', captchaToken: 'pforte-test-captcha:x' });
      await adapter.sendVerificationEmail({ flowId, returnUrl });
      const resumed = await adapter.confirmEmail({ token: tokenOf(adapter.lastEmailLink()!) });
      deepEqual(resumed.completedSteps, ['customerLookup', 'emailVerification']);
      await adapter.chooseSecondFactor({ flowId: resumed.flowId, method: 'email' });
      await adapter.submitProfile({ flowId, profile: { salutation: 'Frau', firstName: 'Eva', lastName: 'Kasse', mobile: phone } });
      await adapter.submitCredentials({ flowId, username: 'eva.kasse', password: goodPassword });
      await adapter.sendEmailCode({ flowId });
      await adapter.verifyEmailCode({ flowId, code: adapter.lastCode('email')! });
      const result = await adapter.complete({ flowId });
      equal(result.secondFactor, 'email');
      equal(result.emailVerified, true);
      equal(adapter.accounts[0]!.email, 'kasse@praxis.de');
      const dump = JSON.stringify(adapter.accounts);
      ok(!dump.includes(goodPassword));
    });
  });
});
