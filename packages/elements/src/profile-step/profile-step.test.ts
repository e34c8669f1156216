import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { loadPhoneSupport } from '@pforte/core';
import type { PforteAdapter, ProfileValues } from '@pforte/core';
import '../define/profile-step.js';
import type { PforteProfileStep, ProfileFields } from './profile-step.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, startedFlow, type, until } from '../../test/helpers.js';

const allFields: ProfileFields = {
  salutation: 'required',
  title: 'optional',
  firstName: 'required',
  lastName: 'required',
  position: 'optional',
  mobile: 'required',
  phone: 'optional',
  email: 'required',
};

async function profileStep(adapter: PforteAdapter, flowId: string, extra: Partial<PforteProfileStep> = {}) {
  const step = await fixture<PforteProfileStep>(html`
    <pforte-profile-step .adapter=${adapter} flow-id=${flowId}></pforte-profile-step>
  `);
  Object.assign(step, extra);
  await step.updateComplete;
  return step;
}

/** The adapter, recording every profile it was sent. */
function spying(adapter: PforteAdapter, sent: ProfileValues[]): PforteAdapter {
  return { ...adapter, submitProfile: (input, options) => (sent.push(input.profile), adapter.submitProfile(input, options)) };
}

async function fill(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await type(text);
}

describe('<pforte-profile-step>', () => {
  before(async () => {
    await setLocale('en');
    await loadPhoneSupport();
  });

  it('is accessible empty, with every field, and with errors', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await profileStep(adapter, flowId, { canGoBack: true });
    await expect(step).to.be.accessible();
    step.fields = allFields;
    await step.updateComplete;
    await expect(step).to.be.accessible();
    byButton(step, 'Continue').click();
    await until(() => description(byLabel(step, 'First name')).includes('Please enter'), 'errors');
    await expect(step).to.be.accessible();
  });

  it('asks for first and last name only by default', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await profileStep(adapter, flowId);
    const labels = [...step.querySelectorAll('label')].map((label) => label.textContent!.trim());
    expect(labels).to.deep.equal(['First name', 'Last name']);
    expect(byLabel(step, 'First name').autocomplete).to.equal('given-name');
    expect(byLabel(step, 'Last name').autocomplete).to.equal('family-name');
  });

  it('renders only the fields asked for, marks the optional ones and sets the autocomplete tokens', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await profileStep(adapter, flowId, { fields: allFields });
    const salutation = byLabel<HTMLSelectElement>(step, 'Salutation');
    expect(salutation.autocomplete).to.equal('honorific-prefix');
    expect([...salutation.options].map((option) => option.textContent!.trim())).to.deep.equal([
      'Please choose',
      'Ms',
      'Mr',
      'Diverse',
      'Not specified',
    ]);
    const title = byLabel(step, 'Title (optional)');
    expect(title.autocomplete).to.equal('honorific-prefix');
    expect(description(title)).to.include('e.g. Dr. or Prof. Dr.');
    expect(byLabel(step, 'First name').required).to.be.true;
    expect(byLabel(step, 'Position (optional)').autocomplete).to.equal('organization-title');
    const mobile = byLabel(step, 'Mobile number');
    expect(mobile.autocomplete).to.equal('tel');
    expect(mobile.name).to.equal('mobile');
    const phone = byLabel(step, 'Phone number (optional)');
    expect(phone.type).to.equal('tel');
    expect(phone.name).to.equal('phone');
    const email = byLabel(step, 'E-mail address');
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');

    step.fields = { lastName: 'optional', email: 'absent' };
    await step.updateComplete;
    const labels = [...step.querySelectorAll('label')].map((label) => label.textContent!.trim());
    expect(labels, 'a field not named keeps its default, as in the config').to.deep.equal(['First name', 'Last name (optional)']);
    step.fields = { firstName: 'absent', lastName: 'absent', email: 'required' };
    await step.updateComplete;
    expect([...step.querySelectorAll('label')].map((label) => label.textContent!.trim())).to.deep.equal(['E-mail address']);
  });

  it('validates required fields locally, ties messages to them and focuses the first invalid', async () => {
    const { adapter, flowId } = await startedFlow();
    const sent: ProfileValues[] = [];
    const step = await profileStep(spying(adapter, sent), flowId, { fields: allFields });
    await fill(byLabel(step, 'Last name'), 'Berger');
    await fill(byLabel(step, 'E-mail address'), 'anna@');
    byButton(step, 'Continue').click();
    const salutation = byLabel<HTMLSelectElement>(step, 'Salutation');
    await until(() => document.activeElement === salutation, 'focus on the first invalid field');
    expect(salutation.getAttribute('aria-invalid')).to.equal('true');
    expect(description(salutation)).to.equal('Please choose a salutation.');
    expect(description(byLabel(step, 'First name'))).to.equal('Please enter your first name.');
    expect(byLabel(step, 'Last name').getAttribute('aria-invalid')).to.equal('false');
    expect(description(byLabel(step, 'Mobile number'))).to.equal('Please enter your mobile number.');
    expect(byLabel(step, 'Phone number (optional)').getAttribute('aria-invalid'), 'optional and empty is fine').to.equal('false');
    expect(description(byLabel(step, 'E-mail address'))).to.include('valid e-mail address');
    expect(byLabel(step, 'Title (optional)').getAttribute('aria-invalid')).to.equal('false');
    expect(sent).to.have.length(0);
    await fill(byLabel(step, 'First name'), 'Anna');
    expect(byLabel(step, 'First name').getAttribute('aria-invalid'), 'typing clears the error').to.equal('false');
  });

  it('rejects a landline as mobile number but accepts it as phone number', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await profileStep(adapter, flowId, { fields: { firstName: 'absent', lastName: 'absent', mobile: 'required', phone: 'required' } });
    await fill(byLabel(step, 'Mobile number'), '030 123456');
    await fill(byLabel(step, 'Phone number'), '030 123456');
    byButton(step, 'Continue').click();
    const mobile = byLabel(step, 'Mobile number');
    await until(() => description(mobile).includes('not a mobile number'), 'landline rejected as mobile');
    expect(document.activeElement).to.equal(mobile);
    expect(byLabel(step, 'Phone number').getAttribute('aria-invalid')).to.equal('false');
    await fill(byLabel(step, 'Phone number'), '12');
    await fill(mobile, '0151 23456789');
    byButton(step, 'Continue').click();
    const phone = byLabel(step, 'Phone number');
    await until(() => description(phone) === 'Please enter a valid phone number.', 'invalid phone');
    expect(document.activeElement).to.equal(phone);
  });

  it('sends the details with numbers in E.164 and finishes with them', async () => {
    const { adapter, flowId } = await startedFlow();
    const sent: ProfileValues[] = [];
    const step = await profileStep(spying(adapter, sent), flowId, { fields: allFields });
    const done = oneEvent(step, 'pforte-step-done');
    const salutation = byLabel<HTMLSelectElement>(step, 'Salutation');
    salutation.value = 'ms';
    salutation.dispatchEvent(new Event('change', { bubbles: true }));
    await fill(byLabel(step, 'Title (optional)'), 'Dr.');
    await fill(byLabel(step, 'First name'), ' Anna ');
    await fill(byLabel(step, 'Last name'), 'Berger');
    await fill(byLabel(step, 'Mobile number'), '01512 3456789');
    await fill(byLabel(step, 'Phone number (optional)'), '0228 123456');
    await fill(byLabel(step, 'E-mail address'), 'anna@praxis-berger.de');
    await press('Enter');
    const { detail } = await done;
    const expected = {
      salutation: 'ms',
      title: 'Dr.',
      firstName: 'Anna',
      lastName: 'Berger',
      mobile: '+4915123456789',
      phone: '+49228123456',
      email: 'anna@praxis-berger.de',
    };
    expect(sent).to.deep.equal([expected]);
    expect(detail).to.deep.equal({ step: 'profile', values: expected });
  });

  it('is prefilled from `values` (e.g. an invitation), also with a German salutation', async () => {
    const { adapter, flowId } = await startedFlow();
    const sent: ProfileValues[] = [];
    const step = await profileStep(spying(adapter, sent), flowId, {
      fields: { salutation: 'required', firstName: 'required', lastName: 'required', mobile: 'optional' },
      values: { salutation: 'Herr', firstName: 'Max', lastName: 'Muster', mobile: '+4917712345670' },
    });
    expect(byLabel<HTMLSelectElement>(step, 'Salutation').value).to.equal('mr');
    expect(byLabel(step, 'First name').value).to.equal('Max');
    await until(() => byLabel(step, 'Mobile number (optional)').value.replace(/\s/g, '') === '017712345670', 'mobile shown');
    const done = oneEvent(step, 'pforte-step-done');
    byButton(step, 'Continue').click();
    await done;
    expect(sent).to.deep.equal([{ salutation: 'mr', firstName: 'Max', lastName: 'Muster', mobile: '+4917712345670' }]);
  });

  it('can be filled by keyboard alone in page order', async () => {
    const { adapter, flowId } = await startedFlow();
    const step = await profileStep(adapter, flowId, {
      fields: { salutation: 'optional', firstName: 'required', lastName: 'required', email: 'optional' },
      canGoBack: true,
    });
    step.querySelector('h2')!.focus();
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Salutation (optional)'));
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'First name'));
    await type('Anna');
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'Last name'));
    await type('Berger');
    await press('Tab');
    expect(document.activeElement).to.equal(byLabel(step, 'E-mail address (optional)'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Continue'));
    await press('Tab');
    expect(document.activeElement).to.equal(byButton(step, 'Back'));
    byLabel(step, 'Last name').focus();
    const done = oneEvent(step, 'pforte-step-done');
    await press('Enter');
    expect((await done).detail.values).to.deep.equal({ firstName: 'Anna', lastName: 'Berger' });
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId } = await startedFlow();
      const step = await profileStep(adapter, flowId, { fields: allFields });
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Persönliche Angaben');
      const salutation = byLabel<HTMLSelectElement>(step, 'Anrede');
      expect([...salutation.options].map((option) => option.textContent!.trim()).slice(1)).to.deep.equal([
        'Frau',
        'Herr',
        'Divers',
        'keine Angabe',
      ]);
      byLabel(step, 'Vorname');
      byLabel(step, 'Nachname');
      byLabel(step, 'Titel (optional)');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
