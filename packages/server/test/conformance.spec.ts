import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHttpAdapter, createManualClock } from '@pforte/core';
import { createMemoryAdapter, type MemoryAdapter } from '@pforte/core/memory';
import { conformanceProducts, defineConformanceTests, runAdapterConformance } from '@pforte/adapter-conformance';
import {
  adminPost,
  createAccountByAdmin,
  fetchWithCookies,
  outboxCode,
  outboxEmail,
  seedHooks,
  sharedDatabase,
  startTestServer,
  testDatabaseUrl,
  type TestServer,
} from './support.js';

// The memory adapter of @pforte/core: the reference semantics.
{
  const clock = createManualClock();
  let current: MemoryAdapter | undefined;
  defineConformanceTests(
    { describe, it },
    'conformance: memory adapter',
    () => (current = createMemoryAdapter({ clock, products: conformanceProducts })),
    {
      readSmsCode: (phone) => current?.lastCode(phone),
      advanceTime: (ms) => clock.advance(ms),
      readEmail: (to, flowId) => {
        const message = current?.outbox
          .filter((entry) => entry.channel === 'email' && entry.to === to && (flowId === undefined || entry.flowId === flowId))
          .at(-1);
        return message && { ...(message.link ? { link: message.link } : {}), ...(message.code ? { code: message.code } : {}) };
      },
      createInvitation: (details) => current!.createInvitation(details),
      addCustomer: (customer) => current!.addCustomer(customer),
      addOrganization: (organization) => void current!.addOrganization(organization),
      createAccount: (input) => current!.createAccount(input),
      inviteAccount: (input) => current!.inviteAccount(input),
      inviteGuest: (input) => current!.inviteGuest(input),
      checkServicePin: (input) => current!.checkServicePin(input),
    },
  );
}

// The HTTP adapter against the reference server on PGlite (or PostgreSQL at PFORTE_TEST_DATABASE_URL).
{
  let test: TestServer | undefined;
  describe(`conformance: HTTP adapter → reference server (${testDatabaseUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
    before(async () => {
      test = await startTestServer({ products: conformanceProducts });
    });
    after(async () => {
      await test?.close();
      await (await sharedDatabase()).close();
    });
    defineConformanceTests(
      { describe, it },
      'checks',
      () => createHttpAdapter({ baseUrl: test!.url, locale: 'de', fetch: fetchWithCookies() }),
      {
        readSmsCode: (phone, flowId) => outboxCode(test!.url, phone, flowId),
        advanceTime: (ms) => test!.clock.advance(ms),
        namespace: 'http',
        readEmail: (to, flowId) => outboxEmail(test!.url, to, flowId),
        createAccount: async (input) => {
          const response = await createAccountByAdmin(test!.url, input);
          assert.equal(response.status, 201);
        },
        inviteAccount: async (input) => {
          const response = await createAccountByAdmin(test!.url, input);
          assert.equal(response.status, 201);
        },
        inviteGuest: async (input) => {
          const response = await adminPost(test!.url, '/admin/guest-invitations', input);
          assert.equal(response.status, 201);
        },
        checkServicePin: async (input) => {
          const response = await adminPost(test!.url, '/admin/service-pin-checks', input);
          assert.equal(response.status, 201);
          return ((await response.json()) as { matches: boolean }).matches;
        },
        ...seedHooks(() => test!.server),
      },
    );
  });
}

// The kit must catch a backend that breaks the rules, not only pass good ones.
describe('conformance kit catches a non-conforming adapter', () => {
  it('reports a policy mismatch and codes that never die', async () => {
    let current: MemoryAdapter | undefined;
    const results = await runAdapterConformance(
      () =>
        (current = createMemoryAdapter({
          maxCodeAttempts: 50,
          products: { ...conformanceProducts, 'conformance-basic': { ...conformanceProducts['conformance-basic'], passwordPolicy: 'strict10' } },
        })),
      { readSmsCode: (phone) => current?.lastCode(phone) },
    );
    const failed = results.filter((result) => !result.ok).map((result) => result.name);
    assert.ok(failed.some((name) => name.startsWith('the published password policy')), failed.join('; '));
    assert.ok(failed.includes('N wrong codes kill the code'), failed.join('; '));
    const skipped = results.filter((result) => result.skipped).map((result) => result.name);
    assert.deepEqual(skipped, [
      'codes expire within 10 minutes',
      'the throttle opens at the deadline',
      'invitations: valid once, expired with validityDays, unknown is link.invalid',
      'customer.mismatch never reveals which field was wrong',
      'e-mail links are single use, bound to their flow, and confirm the address',
      'organization.full at the maximum; organization.not_found names no field',
      'attack: a fresh flow does not reset the customer-lookup lock',
      'attack: organisation joins lock after wrong postal codes, whichever flow guessed',
      'attack: an abandoned flow holds its username only while it is in use',
      'sign-in: the lock lifts at its deadline, and a success starts the count afresh',
      'attack: password reset answers the same for unknown accounts; its link works once, ends sessions and lifts a lock',
      'password reset: links expire; the new password meets the policy',
      'forced change: an initial password must be replaced at the first sign-in, not by itself; only that first session is a first sign-in',
      'attack: removing a member needs a recent sign-in, and nobody removes themselves or the master user',
      'account settings: a billing customer switches from e-mail codes to SMS codes; the next sign-in asks for the SMS code',
      'attack: second-factor and PIN changes need a recent sign-in or the current password; wrong passwords count towards the lock',
      'account invitation: the e-mailed link sets the first password; before that the account cannot sign in',
      'attack: guest access: wrong codes count per invitation, with attempts left, until the code dies',
      "guest access: the code lets in as often as the invitation allows; the session is a guest's and ends with the invitation",
      'attack: a guest invitation works only in its own product, and only with its own token',
    ]);
  });

  it('reports guest invitations that take too many wrong codes or too many uses', async () => {
    let current: MemoryAdapter | undefined;
    const lenient = { ...conformanceProducts['conformance-guest'], signIn: { ...conformanceProducts['conformance-guest'].signIn, guestAccess: { maxAttempts: 20, maxUses: 5 } } };
    const results = await runAdapterConformance(
      () => (current = createMemoryAdapter({ products: { ...conformanceProducts, 'conformance-guest': lenient } })),
      {
        readSmsCode: (phone) => current?.lastCode(phone),
        readEmail: (to) => {
          const message = current?.outbox.filter((entry) => entry.channel === 'email' && entry.to === to).at(-1);
          return message && { ...(message.link ? { link: message.link } : {}), ...(message.code ? { code: message.code } : {}) };
        },
        inviteGuest: (input) => current!.inviteGuest(input),
      },
      (name) => name.includes('guest'),
    );
    const failed = results.filter((result) => !result.ok).map((result) => result.name);
    assert.deepEqual(failed, [
      'attack: guest access: wrong codes count per invitation, with attempts left, until the code dies',
      "guest access: the code lets in as often as the invitation allows; the session is a guest's and ends with the invitation",
      // Its attempts after the foreign tries are the published three.
      'attack: a guest invitation works only in its own product, and only with its own token',
    ]);
  });
});
