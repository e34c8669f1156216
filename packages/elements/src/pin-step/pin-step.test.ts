import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createManualClock } from '@pforte/core';
import { createMemoryAdapter } from '@pforte/core/memory';
import type { ManualClock, PforteAdapter } from '@pforte/core';
import '../define/pin-step.js';
import type { PfortePinStep } from './pin-step.js';
import { buildPrintDocument, groupPin } from './pin-sheet.js';
import { setLocale } from '../localization/localization.js';
import { byButton, byLabel, description, press, type, until } from '../../test/helpers.js';

async function accountFlow() {
  const clock = createManualClock(Date.UTC(2026, 2, 14, 9, 30));
  const adapter = createMemoryAdapter({ clock });
  const { flowId } = await adapter.startRegistration({ locale: 'en' });
  await adapter.submitCredentials({ flowId, username: 'anna@example.com', password: 'Zahnarzt#Praxis2026' });
  return { adapter, flowId, clock };
}

/** Counts calls per adapter method and remembers issued PINs (to look for them where they must not be). */
function spied(adapter: PforteAdapter) {
  const calls: string[] = [];
  const pins: string[] = [];
  const wrapped: PforteAdapter = {
    ...adapter,
    async issuePin(input, options) {
      calls.push('issuePin');
      const result = await adapter.issuePin(input, options);
      pins.push(result.pin);
      return result;
    },
    setPin: (input, options) => (calls.push('setPin'), adapter.setPin(input, options)),
    confirmPinSaved: (input, options) => (calls.push('confirmPinSaved'), adapter.confirmPinSaved(input, options)),
  };
  return { adapter: wrapped, calls, pins };
}

async function pinStep(
  adapter: PforteAdapter,
  flowId: string,
  clock: ManualClock,
  mode: 'generated' | 'chosen' = 'generated',
) {
  return fixture<PfortePinStep>(html`
    <pforte-pin-step .adapter=${adapter} flow-id=${flowId} mode=${mode} product="Videosprechstunde" .clock=${clock}></pforte-pin-step>
  `);
}

async function shownPin(step: PfortePinStep): Promise<string> {
  await until(() => step.querySelector('.pf-pin'), 'PIN shown');
  return [...step.querySelectorAll('.pf-pin-group')].map((group) => group.textContent!.trim()).join('');
}

function continueButton(step: PfortePinStep) {
  return byButton(step, 'Continue');
}

function withClipboard(clipboard: Partial<Clipboard> | undefined) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return () => {
    delete (navigator as { clipboard?: Clipboard }).clipboard;
  };
}

describe('<pforte-pin-step>', () => {
  before(() => setLocale('en'));

  describe('generated', () => {
    it('is accessible while loading, on error, shown, copied and with the copy fallback', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      adapter.failNext('issuePin', 'hang');
      const loading = await pinStep(adapter, flowId, clock);
      expect(loading.querySelector('[role="status"]')!.textContent).to.include('Creating your service PIN');
      await expect(loading).to.be.accessible();
      loading.remove();

      adapter.failNext('issuePin', 'offline');
      const step = await pinStep(adapter, flowId, clock);
      await until(() => step.querySelector('[role="alert"]')?.textContent?.includes('No connection'), 'error');
      await expect(step).to.be.accessible();
      byButton(step, 'Try again').click();
      await shownPin(step);
      await expect(step).to.be.accessible();

      const restore = withClipboard({ writeText: () => Promise.resolve() });
      try {
        byButton(step, 'Copy').click();
        await until(() => step.textContent!.includes('Copied'), 'copied');
        await expect(step).to.be.accessible();
      } finally {
        restore();
      }
      const restoreMissing = withClipboard(undefined);
      try {
        byButton(step, 'Copy').click();
        await until(() => step.querySelector('input[readonly]'), 'fallback');
        await expect(step).to.be.accessible();
      } finally {
        restoreMissing();
      }
    });

    it('issues the PIN once and shows it grouped, with the digits spelled for screen readers', async () => {
      const { adapter: memory, flowId, clock } = await accountFlow();
      const { adapter, calls, pins } = spied(memory);
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      step.requestUpdate();
      await step.updateComplete;
      expect(calls).to.deep.equal(['issuePin']);
      expect(pin).to.equal(pins[0]);
      expect(pin).to.match(/^\d{6}$/);
      const groups = [...step.querySelectorAll('.pf-pin [aria-hidden="true"] .pf-pin-group')].map((group) => group.textContent);
      expect(groups).to.deep.equal([pin.slice(0, 3), pin.slice(3)]);
      expect(step.querySelector('.pf-pin .pf-visually-hidden')!.textContent!.trim()).to.equal([...pin].join(' '));
    });

    it('groups PINs for reading', () => {
      expect(groupPin('482913')).to.deep.equal(['482', '913']);
      expect(groupPin('1234')).to.deep.equal(['1234']);
      expect(groupPin('1234567')).to.deep.equal(['1234', '567']);
      expect(groupPin('12345678')).to.deep.equal(['1234', '5678']);
      expect(groupPin('123456789')).to.deep.equal(['123', '456', '789']);
    });

    it('says why "Continue" cannot go on until the storage is confirmed; keyboard only; no PIN in the event', async () => {
      const { adapter: memory, flowId, clock } = await accountFlow();
      const { adapter, calls } = spied(memory);
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      continueButton(step).click();
      await until(() => document.activeElement === byLabel(step, 'I have stored my service PIN safely.'), 'focus on the confirmation');
      expect(description(byLabel(step, 'I have stored my service PIN safely.'))).to.equal('Please confirm that you have stored your service PIN safely.');
      expect(calls).to.deep.equal(['issuePin']);
      await expect(step).to.be.accessible();
      byButton(step, 'Copy').focus();
      await press('Tab');
      expect(document.activeElement).to.equal(byButton(step, 'Print'));
      await press('Tab');
      expect(document.activeElement).to.equal(byButton(step, 'Save as PDF'));
      await press('Tab');
      const box = byLabel(step, 'I have stored my service PIN safely.');
      expect(document.activeElement).to.equal(box);
      await press('Space');
      await step.updateComplete;
      expect(box.checked).to.be.true;
      expect(description(box)).to.equal('');
      await press('Tab');
      expect(document.activeElement).to.equal(continueButton(step));
      const done = oneEvent(step, 'pforte-step-done');
      await press('Enter');
      const { detail } = await done;
      expect(detail).to.deep.equal({ step: 'pin', values: {} });
      expect(JSON.stringify(detail)).not.to.include(pin);
      expect(calls).to.deep.equal(['issuePin', 'confirmPinSaved']);
      await step.updateComplete;
      expect(step.textContent).not.to.include(pin.slice(0, 3));
    });

    it('copies to the clipboard and confirms it politely', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      let written = '';
      const restore = withClipboard({
        writeText: (text: string) => {
          written = text;
          return Promise.resolve();
        },
      });
      try {
        byButton(step, 'Copy').click();
        await until(() => written !== '', 'written');
        await step.updateComplete;
      } finally {
        restore();
      }
      expect(written).to.equal(pin);
      const status = step.querySelector('.pf-status')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.textContent!.trim()).to.equal('Copied');
    });

    it('falls back to a selected read-only field when the clipboard refuses', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      const restore = withClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
      try {
        byButton(step, 'Copy').click();
        await until(() => step.querySelector('input[readonly]'), 'fallback field');
      } finally {
        restore();
      }
      const field = byLabel(step, 'Service PIN to copy');
      await until(() => document.activeElement === field, 'focused');
      expect(field.readOnly).to.be.true;
      expect(field.value).to.equal(pin);
      expect(field.selectionStart).to.equal(0);
      expect(field.selectionEnd).to.equal(pin.length);
      expect(description(field)).to.include('Press Ctrl+C');
    });

    it('prints a CSP-safe layout with product, PIN, date and instruction only, then removes it', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      let printed: Window | undefined;
      (step as unknown as { printWindow: (view: Window) => void }).printWindow = (view) => {
        printed = view;
      };
      byButton(step, 'Print').click();
      await step.updateComplete;
      expect(printed).to.exist;
      const doc = printed!.document;
      expect(doc.documentElement.lang).to.equal('en');
      expect(doc.title).to.equal('Service PIN – Videosprechstunde');
      expect(doc.querySelector('h1')!.textContent).to.equal('Videosprechstunde');
      expect(doc.querySelector('.pin')!.textContent).to.equal(pin);
      expect(doc.body.textContent).to.include('Created on March 14, 2026');
      expect(doc.body.textContent).to.include('Keep this service PIN in a safe place');
      expect(doc.querySelectorAll('style, [style], script, link')).to.have.length(0);
      expect(doc.adoptedStyleSheets).to.have.length(1);
      expect(step.querySelector('.pf-status')!.textContent).to.include('print dialog');
      // The frame is titled and invisible.
      const frame = step.querySelector('iframe')!;
      expect(frame.title).to.equal('Print layout of the service PIN');
      expect(frame.getBoundingClientRect().width).to.equal(0);
      await expect(step).to.be.accessible();
      printed!.dispatchEvent(new Event('afterprint'));
      expect(step.querySelector('iframe')).to.equal(null);
    });

    it('builds an accessible print document', async () => {
      const frame = document.createElement('iframe');
      frame.title = 'print test';
      document.body.append(frame);
      try {
        buildPrintDocument(frame.contentDocument!, {
          lang: 'de',
          title: 'Service-PIN – Videosprechstunde',
          product: 'Videosprechstunde',
          pinLabel: 'Ihre Service-PIN',
          pin: '48291375',
          date: 'Erstellt am 14. März 2026',
          instruction: 'Bewahren Sie diese Service-PIN sicher auf.',
        });
        const doc = frame.contentDocument!;
        expect(doc.querySelector('.pin')!.children).to.have.length(2);
        const copy = await fixture<HTMLElement>(html`<div lang="de"></div>`);
        copy.append(document.importNode(doc.body.firstElementChild!, true));
        await expect(copy).to.be.accessible();
        expect(copy.querySelector('h1')!.textContent).to.equal('Videosprechstunde');
      } finally {
        frame.remove();
      }
    });

    it('saves a real PDF through a revoked object URL, with the PIN only in the file', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      let link: HTMLAnchorElement | undefined;
      let bytes: Uint8Array | undefined;
      const onClick = (event: Event) => {
        const target = event.target as HTMLElement;
        if (!(target instanceof HTMLAnchorElement) || !target.download) return;
        event.preventDefault();
        link = target;
        void fetch(target.href)
          .then((response) => response.arrayBuffer())
          .then((buffer) => {
            bytes = new Uint8Array(buffer);
          });
      };
      document.addEventListener('click', onClick, true);
      try {
        byButton(step, 'Save as PDF').click();
        await until(() => bytes, 'PDF downloaded');
      } finally {
        document.removeEventListener('click', onClick, true);
      }
      expect(link!.download).to.equal('service-pin.pdf');
      expect(link!.href).to.match(/^blob:/);
      expect(link!.isConnected, 'the link is removed again').to.be.false;
      const text = String.fromCharCode(...bytes!);
      expect(text.startsWith('%PDF-1.4')).to.be.true;
      expect(text).to.include(`(${groupPin(pin).join(' ')}) Tj`);
      expect(text).to.include('Videosprechstunde');
      expect(link!.download + link!.href).not.to.include(pin);
      await until(() => step.querySelector('.pf-status')!.textContent!.includes('PDF'), 'status');
    });

    it('in a language the PDF fonts cannot show, "Save as PDF" opens the print dialog with a right-to-left sheet', async () => {
      await setLocale('ar');
      try {
        const { adapter, flowId, clock } = await accountFlow();
        const step = await pinStep(adapter, flowId, clock);
        const pin = await shownPin(step);
        expect(step.querySelector('.pf-pin [aria-hidden]')!.getAttribute('dir')).to.equal('ltr');
        let printed: Window | undefined;
        (step as unknown as { printWindow: (view: Window) => void }).printWindow = (view) => {
          printed = view;
        };
        let downloads = 0;
        const onClick = (event: Event) => {
          if (event.target instanceof HTMLAnchorElement && event.target.download) downloads += 1;
        };
        document.addEventListener('click', onClick, true);
        try {
          byButton(step, 'حفظ بصيغة PDF').click();
          await until(() => printed, 'print dialog');
        } finally {
          document.removeEventListener('click', onClick, true);
        }
        expect(downloads).to.equal(0);
        const doc = printed!.document;
        expect([doc.documentElement.lang, doc.documentElement.dir]).to.deep.equal(['ar', 'rtl']);
        expect(doc.querySelector<HTMLElement>('.pin')!.dir).to.equal('ltr');
        expect(doc.querySelector('.pin')!.textContent).to.equal(pin);
        // The date in Arabic words, its digits ASCII like the PIN's.
        expect(doc.querySelector('.date')!.textContent).to.match(/14 مارس 2026/);
        await until(() => step.querySelector('.pf-status')!.textContent!.includes('PDF'), 'says how to keep a PDF');
        await expect(step).to.be.accessible();
      } finally {
        await setLocale('en');
      }
    });

    it('does not issue a new PIN when the person comes back: it says the PIN was shown and re-issues only on request', async () => {
      const { adapter: memory, flowId, clock } = await accountFlow();
      const { adapter, calls } = spied(memory);
      const first = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(first);
      first.remove();
      // Back and Continue: the flow host creates the step again.
      const step = await pinStep(adapter, flowId, clock);
      await until(() => step.querySelector('.pf-notice'), 'the notice');
      expect(step.querySelector('.pf-notice')!.textContent).to.include('already shown and cannot be shown again');
      expect(step.querySelector('.pf-pin')).to.equal(null);
      expect(calls).to.deep.equal(['issuePin']);
      await expect(step).to.be.accessible();
      byButton(step, 'Create a new PIN').click();
      const newPin = await shownPin(step);
      expect(newPin).not.to.equal(pin);
      expect(calls).to.deep.equal(['issuePin', 'issuePin']);
      await until(() => step.textContent!.includes('The previous one no longer works.'), 'the re-issue notice');
    });

    it('goes on with the PIN shown before, once its storage is confirmed', async () => {
      const { adapter: memory, flowId, clock } = await accountFlow();
      const { adapter, calls } = spied(memory);
      const first = await pinStep(adapter, flowId, clock);
      await shownPin(first);
      first.remove();
      const step = await pinStep(adapter, flowId, clock);
      await until(() => step.querySelector('.pf-notice'), 'the notice');
      byLabel(step, 'I have stored my service PIN safely.').click();
      const done = oneEvent(step, 'pforte-step-done');
      continueButton(step).click();
      await done;
      expect(calls).to.deep.equal(['issuePin', 'confirmPinSaved']);
    });

    it('drops the PIN when the element is removed', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      const pin = await shownPin(step);
      (step as unknown as { printWindow: () => void }).printWindow = () => {};
      byButton(step, 'Print').click();
      step.remove();
      await step.updateComplete;
      expect((step as unknown as { pin?: string }).pin).to.equal(undefined);
      expect(step.querySelector('iframe')).to.equal(null);
      expect(step.innerHTML).not.to.include(pin);
    });

    it('keeps the confirmation on a failed confirmation call and retries', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      await shownPin(step);
      byLabel(step, 'I have stored my service PIN safely.').click();
      await step.updateComplete;
      adapter.failNext('confirmPinSaved', 'offline');
      continueButton(step).click();
      await until(() => step.querySelector('.pf-alert')!.textContent!.includes('No connection'), 'error');
      expect(byLabel(step, 'I have stored my service PIN safely.').checked).to.be.true;
      await expect(step).to.be.accessible();
      const done = oneEvent(step, 'pforte-step-done');
      continueButton(step).click();
      await done;
    });

  });

  describe('chosen', () => {
    it('is accessible empty and with errors', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock, 'chosen');
      await expect(step).to.be.accessible();
      byLabel(step, 'Service PIN (6 digits)').focus();
      await type('123456');
      byLabel(step, 'I have stored my service PIN safely.').click();
      await step.updateComplete;
      continueButton(step).click();
      await step.updateComplete;
      await expect(step).to.be.accessible();
    });

    it('uses numeric, non-autofilled secret inputs with a show toggle', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock, 'chosen');
      const pin = byLabel(step, 'Service PIN (6 digits)');
      const repeat = byLabel(step, 'Repeat service PIN');
      for (const input of [pin, repeat]) {
        expect(input.type).to.equal('password');
        expect(input.inputMode).to.equal('numeric');
        expect(input.autocomplete).to.equal('off');
        expect(input.maxLength).to.equal(6);
      }
      const toggle = byButton(step, 'Show PIN');
      toggle.click();
      await step.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(pin.type).to.equal('text');
      expect(repeat.type).to.equal('text');
    });

    it('rejects a trivial PIN and a mismatch, then sets the PIN by keyboard alone', async () => {
      const { adapter: memory, flowId, clock } = await accountFlow();
      const { adapter, calls } = spied(memory);
      const step = await pinStep(adapter, flowId, clock, 'chosen');
      const pin = byLabel(step, 'Service PIN (6 digits)');
      pin.focus();
      await type('123456');
      await press('Tab');
      await press('Tab');
      expect(document.activeElement).to.equal(byLabel(step, 'Repeat service PIN'));
      await type('123456');
      await press('Tab');
      await press('Space');
      await press('Tab');
      await press('Enter');
      await step.updateComplete;
      expect(description(pin)).to.equal('This PIN is too easy to guess. Avoid repeated digits and sequences.');
      expect(pin.getAttribute('aria-invalid')).to.equal('true');
      expect(document.activeElement).to.equal(pin);
      expect(calls).to.deep.equal([]);

      pin.select();
      await type('480613');
      expect(description(pin)).to.equal('');
      continueButton(step).click();
      await step.updateComplete;
      const repeat = byLabel(step, 'Repeat service PIN');
      expect(description(repeat)).to.equal('The two PINs do not match.');
      expect(document.activeElement).to.equal(repeat);

      repeat.select();
      await type('480613');
      const done = oneEvent(step, 'pforte-step-done');
      await press('Enter');
      const { detail } = await done;
      expect(detail.values).to.deep.equal({});
      expect(calls).to.deep.equal(['setPin', 'confirmPinSaved']);
      await step.updateComplete;
      expect(pin.value).to.equal('');
    });

    it('shows a too-short PIN next to the field and keeps what was typed', async () => {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock, 'chosen');
      byLabel(step, 'Service PIN (6 digits)').focus();
      await type('4806');
      byLabel(step, 'I have stored my service PIN safely.').click();
      await step.updateComplete;
      continueButton(step).click();
      await step.updateComplete;
      expect(description(byLabel(step, 'Service PIN (6 digits)'))).to.equal('Please enter exactly 6 digits.');
      expect(byLabel(step, 'Service PIN (6 digits)').value).to.equal('4806');
    });
  });

  it('speaks German', async () => {
    await setLocale('de');
    try {
      const { adapter, flowId, clock } = await accountFlow();
      const step = await pinStep(adapter, flowId, clock);
      await shownPin(step);
      expect(step.querySelector('h2')!.textContent!.trim()).to.equal('Ihre Service-PIN');
      byButton(step, 'Kopieren');
      byButton(step, 'Drucken');
      byButton(step, 'Als PDF speichern');
      byButton(step, 'Fortfahren');
      await expect(step).to.be.accessible();
    } finally {
      await setLocale('en');
    }
  });
});
