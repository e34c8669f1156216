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

  it('lets page rules override any token', async () => {
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

describe('host page rules', () => {
  /** Adopts `css` into the document for the duration of `run`. */
  async function withPageCss(css: string, run: () => Promise<void>): Promise<void> {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [sheet, ...document.adoptedStyleSheets];
    try {
      await run();
    } finally {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((candidate) => candidate !== sheet);
    }
  }

  it('do not restyle the controls: element rules and universal resets lose', async () => {
    await withPageCss(
      '*, *::before, *::after { box-sizing: content-box; line-height: 3; } button { background: grey; border: 0; } input { border: none; } label { text-transform: uppercase; }',
      async () => {
        const element = await fixture<PforteSignup>(html`<pforte-signup locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>`);
        element.style.colorScheme = 'light';
        await until(() => element.querySelector('button[type="submit"]'), 'step rendered');
        const button = getComputedStyle(element.querySelector('button[type="submit"]')!);
        expect(button.backgroundColor).to.equal('rgb(11, 92, 173)');
        expect(button.boxSizing).to.equal('border-box');
        const input = getComputedStyle(element.querySelector('input[name="username"]')!);
        expect(input.borderTopStyle).to.equal('solid');
        expect(input.borderTopWidth).to.equal('1px');
        expect(getComputedStyle(element.querySelector('label')!).textTransform).to.equal('none');
      },
    );
  });

  it('restyle a control when they name an id of the page (the documented hook)', async () => {
    await withPageCss('#branded .pf-primary { text-transform: uppercase; }', async () => {
      const element = await fixture<PforteSignup>(html`<pforte-signup id="branded" locale="en" .adapter=${createMemoryAdapter()}></pforte-signup>`);
      await until(() => element.querySelector('button[type="submit"]'), 'step rendered');
      expect(getComputedStyle(element.querySelector('button[type="submit"]')!).textTransform).to.equal('uppercase');
    });
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
