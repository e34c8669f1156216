import { html, nothing, render } from 'lit';
import { live } from 'lit/directives/live.js';
import { LOCALE_STATUS_EVENT, msg } from '@lit/localize';
import { cryptoRandom } from '@pforte/core';
import { uniqueId } from '../internal/pforte-element.js';
import { useMessages } from '../localization/localization.js';

void useMessages('captcha');

/**
 * A captcha service (Friendly Captcha, hCaptcha, Turnstile, your own, or the
 * built-in test challenge). `<pforte-captcha>` gives it an empty container and
 * waits for the token; the token then goes to the backend, which verifies it.
 * Load a vendor's script inside `render` (on demand), never at import time.
 */
export interface CaptchaProvider {
  /**
   * Renders a challenge into `container`; resolves with a token once solved.
   * `signal` aborts it (the step was left, or a fresh challenge is wanted):
   * remove what you rendered and stop listening; the promise may then reject.
   */
  render(container: HTMLElement, options: { locale: string; signal: AbortSignal }): Promise<string>;
}

/** Options of {@link createTestCaptchaProvider}. */
export interface TestCaptchaProviderOptions {
  /** Digits to type (4). */
  length?: number;
  /** Integers in [0, max) for the digits (default: `crypto.getRandomValues`); a seeded source makes screenshots repeatable. */
  random?: (max: number) => number;
}

/** Prefix of the test provider's tokens; the memory adapter accepts each such token once. */
export const testCaptchaTokenPrefix = 'pforte-test-captcha:';

/**
 * The built-in test captcha, for docs, demos, tests and development: "Type
 * these digits: 4 7 1 2", with the digits as text, a labelled input and a
 * check button, so it works by keyboard and with a screen reader. It resolves
 * `pforte-test-captcha:<random nonce>`, which the memory adapter accepts once.
 * It keeps no bot out (the digits are in the page): never use it against a
 * real backend.
 */
export function createTestCaptchaProvider(options: TestCaptchaProviderOptions = {}): CaptchaProvider {
  const length = options.length ?? 4;
  const random = options.random ?? cryptoRandom;
  return {
    render(container, { signal }) {
      return new Promise<string>((resolve, reject) => {
        if (signal.aborted) {
          reject(signal.reason);
          return;
        }
        const root = document.createElement('div');
        root.className = 'pf-captcha-test';
        container.append(root);
        const ids = { prompt: uniqueId('pforte-captcha-prompt'), input: uniqueId('pforte-captcha-answer'), error: uniqueId('pforte-captcha-error') };
        let challenge = randomDigits(length, random);
        let answer = '';
        let error = '';
        let solved = false;

        const input = () => root.querySelector<HTMLInputElement>('input');

        const check = () => {
          const typed = answer.replace(/\D/g, '');
          if (typed === challenge) {
            solved = true;
            draw();
            // The input and button are gone: keep focus in the challenge, on its result.
            root.querySelector<HTMLElement>('.pf-captcha-solved')?.focus();
            resolve(`${testCaptchaTokenPrefix}${randomNonce()}`);
            return;
          }
          error =
            typed === ''
              ? msg('Please type the digits shown.', { id: 'captcha.test.missing' })
              : msg('That was not right. Please type the new digits.', { id: 'captcha.test.wrong' });
          if (typed !== '') challenge = randomDigits(length, random, challenge);
          answer = '';
          draw();
          input()?.focus();
        };

        const onInput = (event: Event) => {
          answer = (event.target as HTMLInputElement).value;
        };

        const onKeydown = (event: KeyboardEvent) => {
          // Enter checks the answer instead of submitting the form around the challenge.
          if (event.key !== 'Enter') return;
          event.preventDefault();
          check();
        };

        const draw = () => {
          render(
            solved
              ? html`<p class="pf-captcha-solved" role="status" tabindex="-1">
                  <span aria-hidden="true">✓</span> ${msg('Security check passed.', { id: 'captcha.test.solved' })}
                </p>`
              : html`
                  <p id=${ids.prompt} class="pf-captcha-prompt">
                    ${msg('Type these digits:', { id: 'captcha.test.prompt' })}
                    <span class="pf-captcha-digits">${[...challenge].join(' ')}</span>
                  </p>
                  <div class="pf-field">
                    <label for=${ids.input}>${msg('Digits shown above', { id: 'captcha.test.label' })}</label>
                    <div class="pf-input-row">
                      <input
                        id=${ids.input}
                        name="pforte-captcha-answer"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        autocapitalize="off"
                        spellcheck="false"
                        .value=${live(answer)}
                        aria-invalid=${error ? 'true' : 'false'}
                        aria-describedby="${ids.prompt} ${ids.error}"
                        @input=${onInput}
                        @keydown=${onKeydown}
                      />
                      <button type="button" @click=${check}>${msg('Check', { id: 'captcha.test.check' })}</button>
                    </div>
                    <p class="pf-error" id=${ids.error} role="alert">${error || nothing}</p>
                  </div>
                `,
            root,
          );
        };

        // Follow a locale switch while the challenge is shown.
        const onLocaleStatus = (event: Event) => {
          if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') draw();
        };
        window.addEventListener(LOCALE_STATUS_EVENT, onLocaleStatus);
        signal.addEventListener(
          'abort',
          () => {
            window.removeEventListener(LOCALE_STATUS_EVENT, onLocaleStatus);
            render(nothing, root);
            root.remove();
            reject(signal.reason);
          },
          { once: true },
        );
        draw();
      });
    },
  };
}

/** `length` random digits, different from `previous` so a new challenge looks new. */
function randomDigits(length: number, random: (max: number) => number, previous?: string): string {
  for (;;) {
    const digits = Array.from({ length }, () => String(random(10))).join('');
    if (digits !== previous) return digits;
  }
}

function randomNonce(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

let sharedTestProvider: CaptchaProvider | undefined;

/** The provider `<pforte-captcha>` uses when none is set: one shared test provider. */
export function defaultCaptchaProvider(): CaptchaProvider {
  return (sharedTestProvider ??= createTestCaptchaProvider());
}
