import { expect, fixture, html } from '@open-wc/testing';
import { createMemoryAdapter } from '@pforte/core/memory';
import '../src/define/signup.js';
import type { PforteSignup } from '../src/signup/signup.js';
import { until } from './helpers.js';

describe('theming', () => {
  it('switches the whole widget to dark from the outer element, nested steps included', async () => {
    const element = await fixture<PforteSignup>(html`<pforte-signup locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>`);
    await until(() => element.querySelector('pforte-password-checklist'), 'step rendered');
    element.style.colorScheme = 'light';
    const checklist = element.querySelector<HTMLElement>('pforte-password-checklist')!;
    const lightText = getComputedStyle(checklist).color;
    element.style.colorScheme = 'dark';
    expect(getComputedStyle(checklist).colorScheme).to.equal('dark');
    expect(getComputedStyle(checklist).color).not.to.equal(lightText);
  });

  it('follows a colour scheme set on the page, and stays light on a page that sets none', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <pforte-signup locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>
    </div>`);
    const element = wrapper.querySelector('pforte-signup')!;
    await until(() => element.querySelector('pforte-password-checklist'), 'step rendered');
    const checklist = element.querySelector<HTMLElement>('pforte-password-checklist')!;
    expect(getComputedStyle(checklist).colorScheme).to.equal('normal');
    const lightText = getComputedStyle(checklist).color;
    wrapper.style.colorScheme = 'dark';
    expect(getComputedStyle(checklist).colorScheme).to.equal('dark');
    expect(getComputedStyle(checklist).color).not.to.equal(lightText);
  });

  it('lets unlayered page rules override any token', async () => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('pforte-signup { --pforte-color-primary: rgb(200, 0, 100); }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    try {
      const element = await fixture<PforteSignup>(html`<pforte-signup locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>`);
      await until(() => element.querySelector('button[type="submit"]'), 'step rendered');
      const button = element.querySelector<HTMLButtonElement>('button[type="submit"]')!;
      expect(getComputedStyle(button).backgroundColor).to.equal('rgb(200, 0, 100)');
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    }
  });
});

describe('dark mode contrast', () => {
  it('passes axe (colour contrast included) on a step with errors and met rules', async () => {
    const element = await fixture<PforteSignup>(html`<pforte-signup locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>`);
    element.style.colorScheme = 'dark';
    await until(() => element.querySelector('input[name="password"]'), 'step rendered');
    const password = element.querySelector<HTMLInputElement>('input[name="password"]')!;
    password.value = 'Ruhige';
    password.dispatchEvent(new InputEvent('input', { bubbles: true }));
    element.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await until(() => element.querySelector('[aria-invalid="true"]'), 'errors shown');
    expect(getComputedStyle(element).colorScheme).to.equal('dark');
    await expect(element).to.be.accessible();
  });
});
