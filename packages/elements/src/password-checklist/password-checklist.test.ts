import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { isCommonPassword, policyPresets } from '@pforte/core';
import '../define/password-checklist.js';
import type { PfortePasswordChecklist } from './password-checklist.js';
import { setLocale } from '../localization/localization.js';
import type { Scheduler } from '../controllers/scheduler.js';
import { manualScheduler } from '../../test/helpers.js';

async function checklist(password: string, policy = policyPresets.strict10, scheduler: Scheduler = manualScheduler().scheduler) {
  return fixture<PfortePasswordChecklist>(html`
    <pforte-password-checklist .policy=${policy} .password=${password} .identifier=${'anna'} .scheduler=${scheduler}></pforte-password-checklist>
  `);
}

function items(element: HTMLElement) {
  return [...element.querySelectorAll('li')].map((item) => ({
    text: item.querySelector('span:not([aria-hidden])')!.textContent!.replace(/\s+/g, ' ').trim(),
    met: item.classList.contains('pf-met'),
    broken: item.classList.contains('pf-broken'),
  }));
}

describe('<pforte-password-checklist>', () => {
  before(async () => {
    await setLocale('en');
  });

  const commonLine = (element: HTMLElement) => items(element).find((item) => item.text.startsWith('Not a commonly used password'))!;
  const listLoaded = () => performance.getEntriesByType('resource').some((entry) => entry.name.includes('generated/common-passwords'));

  it('loads the common-password list only once the person types; the line stays neutral unless the password is common', async () => {
    const element = await checklist('', policyPresets.min8);
    expect(commonLine(element)).to.include({ met: false, broken: false });
    expect(listLoaded(), 'no list before typing').to.be.false;
    element.password = 'Sommer2026!';
    await waitUntil(() => commonLine(element).broken, 'the line turns red once the list says the password is common');
    expect(listLoaded(), 'the list loaded after typing').to.be.true;
    await expect(element).to.be.accessible();
    element.password = 'Kolibri-Regenschirm-47';
    await waitUntil(() => !commonLine(element).broken, 'an uncommon password keeps the limit');
    expect(commonLine(element).met, 'a limit is never ticked').to.be.false;
  });

  it('marks common passwords on one line, whatever the policy', async () => {
    for (const policy of [policyPresets.min8, policyPresets.nist, policyPresets.strict10]) {
      const element = await checklist('', policy);
      for (const password of ['Sommer2026!', 'password', 'Passwort1!']) {
        element.password = password;
        expect(await isCommonPassword(password), password).to.be.true;
        await waitUntil(() => commonLine(element).broken, password);
        await expect(element).to.be.accessible();
      }
      expect(items(element).filter((item) => item.text.startsWith('Not a commonly used password')).length, 'one line').to.equal(1);
    }
  });

  it('is accessible empty, partly met and fully met', async () => {
    for (const password of ['', 'abc', 'Zugspitze#2962']) {
      const element = await checklist(password);
      await expect(element).to.be.accessible();
    }
  });

  it('lists every rule as a labelled list; empty, nothing is ticked or broken and the limits are not "not met"', async () => {
    const element = await checklist('');
    const list = element.querySelector('ul')!;
    expect(list.getAttribute('aria-label')).to.equal('Password requirements');
    expect(items(element).every((item) => !item.met && !item.broken)).to.be.true;
    expect(items(element).map((item) => item.text)).to.include('At least 10 characters (not met)');
    expect(items(element).map((item) => item.text)).to.include('At most 128 characters');
    expect(items(element).map((item) => item.text)).to.include('Does not contain your username');
  });

  it('ticks only what a password achieved: a short one keeps the limits without a tick', async () => {
    const element = await checklist('abc', policyPresets.nist);
    expect(items(element).filter((item) => item.met)).to.deep.equal([]);
    expect(items(element).filter((item) => item.broken)).to.deep.equal([]);
    element.password = 'anna-im-Sommer';
    await element.updateComplete;
    expect(items(element).filter((item) => item.broken).map((item) => item.text)).to.deep.equal(['Does not contain your username (not met)']);
  });

  it('ticks each rule when it becomes true and un-ticks it when it stops', async () => {
    const element = await checklist('');
    const metOf = (label: string) => items(element).find((item) => item.text.startsWith(label))!.met;
    element.password = 'a';
    await element.updateComplete;
    expect(metOf('A lowercase letter')).to.be.true;
    expect(metOf('An uppercase letter')).to.be.false;
    element.password = 'aB';
    await element.updateComplete;
    expect(metOf('An uppercase letter')).to.be.true;
    element.password = 'B';
    await element.updateComplete;
    expect(metOf('A lowercase letter')).to.be.false;
    element.password = 'B1!';
    await element.updateComplete;
    expect(metOf('A digit')).to.be.true;
    expect(metOf('A special character')).to.be.true;
    element.password = 'Anna-has-1-Name';
    await element.updateComplete;
    expect(metOf('Does not contain your username')).to.be.false;
  });

  it('announces a short summary of what is achieved once typing pauses, not on every keystroke', async () => {
    const { scheduler, timers, runAll } = manualScheduler();
    const element = await checklist('', policyPresets.strict10, scheduler);
    const status = element.querySelector('[role="status"]')!;
    expect(status.textContent!.trim()).to.equal('');
    element.password = 'a';
    await element.updateComplete;
    element.password = 'ab';
    await element.updateComplete;
    expect(status.textContent!.trim(), 'nothing while typing').to.equal('');
    expect(timers.size, 'one pending announcement').to.equal(1);
    runAll();
    await element.updateComplete;
    // Lowercase of five things to achieve; the limits (length, username) are not counted as met.
    const first = status.textContent!.trim();
    expect(first).to.equal('1 of 5 requirements met');
    const textNode = [...status.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
    element.password = 'abc';
    await element.updateComplete;
    runAll();
    await element.updateComplete;
    expect(status.textContent!.trim()).to.equal(first);
    // Same node, same text: nothing new for a screen reader to read.
    expect([...status.childNodes]).to.include(textNode);
    element.password = 'anna';
    await element.updateComplete;
    runAll();
    await element.updateComplete;
    expect(status.textContent!.trim()).to.equal('Does not contain your username (not met). 1 of 5 requirements met');
  });

  it('does not shift the layout when rules flip', async () => {
    const element = await checklist('');
    const before = element.getBoundingClientRect().height;
    element.password = 'Zugspitze#2962';
    await element.updateComplete;
    expect(element.getBoundingClientRect().height).to.equal(before);
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { scheduler, runAll } = manualScheduler();
      const element = await checklist('a', policyPresets.strict10, scheduler);
      runAll();
      await element.updateComplete;
      expect(items(element).map((item) => item.text)).to.include('Ein Kleinbuchstabe (erfüllt)');
      expect(items(element).some((item) => item.text.startsWith('Kein häufig verwendetes Passwort'))).to.be.true;
      expect(element.querySelector('[role="status"]')!.textContent!.trim()).to.match(/^\d von \d Anforderungen erfüllt$/);
      await expect(element).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
