import { accountSectionsFor, defaultAccountSections, parseConfig, safeParseConfig, type SessionInfo } from '../src/index.js';
import { deepEqual, describe, equal, it } from './assert.js';

const organizationStep = { id: 'organization', modes: ['register', 'join'] } as const;

function errorOf(input: unknown): string {
  const result = safeParseConfig(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return result.error.message;
}

function session(organization?: SessionInfo['organization']): SessionInfo {
  return {
    accountId: 'acc_1',
    username: 'anna@praxis.example',
    product: 'dental',
    secondFactor: 'none',
    ...(organization ? { organization } : {}),
    expiresAt: 2,
    now: 1,
  };
}

const member = session({ organizationId: 'org_1', name: 'Praxis Sonnenschein', status: 'member', role: 'member' });

describe('account sections', () => {
  it('defaults to every section whose registration step the product has', () => {
    deepEqual(defaultAccountSections(parseConfig({ steps: ['credentials', organizationStep] }).steps), ['password', 'organization']);
    deepEqual(defaultAccountSections(parseConfig({}).steps), ['password']);
    deepEqual(defaultAccountSections(parseConfig({ steps: ['credentials', 'pin', { id: 'sms', optional: true }, 'visibility'] }).steps), [
      'visibility',
      'secondFactor',
      'servicePin',
      'password',
    ]);
    equal(parseConfig({}).account, undefined, 'no account section in the resolved config unless given');
  });

  it('keeps the listed sections in their order', () => {
    deepEqual(parseConfig({ steps: ['credentials', organizationStep], account: { sections: ['organization'] } }).account, {
      sections: ['organization'],
    });
  });

  it('names the path of a wrong entry', () => {
    equal(
      errorOf({ steps: ['credentials', organizationStep], account: { sections: ['organisation'] } }),
      'account.sections[0]: unknown section "organisation", expected one of visibility, secondFactor, servicePin, password, organization',
    );
    equal(
      errorOf({ steps: ['credentials', organizationStep], account: { sections: ['organization', 'organization'] } }),
      'account.sections: "organization" appears twice',
    );
    equal(errorOf({ account: { sections: ['organization'] } }), 'account.sections[0]: "organization" needs the "organization" step');
    equal(errorOf({ account: { sections: [] } }), 'account.sections: expected at least one section');
    equal(errorOf({ account: {} }), 'account.sections: is required');
    equal(
      errorOf({ steps: ['credentials', organizationStep], account: { sections: ['organization'], order: [] } }),
      'account: unknown option "order"',
    );
  });

  it('shows the organization only to its members', () => {
    const config = parseConfig({ steps: ['credentials', organizationStep] });
    deepEqual(accountSectionsFor(config, member), ['password', 'organization']);
    deepEqual(accountSectionsFor(config, session({ ...member.organization!, status: 'pending' })), ['password']);
    deepEqual(accountSectionsFor(config, session()), ['password']);
  });

  it('shows a guest nothing to change', () => {
    const config = parseConfig({ steps: ['credentials', 'pin', 'visibility'] });
    deepEqual(accountSectionsFor(config, { ...session(), guest: true }), []);
  });

  it('drops a section the product leaves out', () => {
    const config = parseConfig({ steps: ['credentials', organizationStep] });
    deepEqual(accountSectionsFor({ ...config, account: { sections: [] } }, member), []);
  });
});
