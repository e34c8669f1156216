import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatCountdown } from '@pforte/core';
import type { CodeEntryController } from '../controllers/code-entry-controller.js';
import { renderActions } from './form-controls.js';
import type { ActionButton } from './form-controls.js';
import { useMessages } from '../localization/localization.js';

void useMessages('sms');

/** What the code form of the SMS and e-mail code steps needs from its step. */
export interface CodeEntryFormOptions {
  entry: CodeEntryController;
  /** Label of the code input, e.g. "Code from the SMS". */
  label: string;
  /** The submit button's label (default "Verify code"). */
  submitLabel?: string;
  /** Id of the message element the input is described by. */
  errorId: string;
  /** True while any call of the step runs. */
  pending: boolean;
  canGoBack: boolean;
  optional: boolean;
  onSubmit: (event: SubmitEvent) => void;
  onComplete: () => void;
  onInput: () => void;
  /** "Send new code" with the countdown; without it (a code that came once, e.g. a guest's) there is none. */
  onResend?: () => void;
  onBack: () => void;
  onSkip: () => void;
}

/**
 * The code entry of a code step: one code input whose message is tied to it,
 * Verify, "New code" with the countdown, and "Activate later" / Back where
 * the flow offers them. Listeners run with the step as `this` (Lit binds them
 * to the rendering host).
 */
export function renderCodeEntryForm(options: CodeEntryFormOptions): TemplateResult {
  const { entry, pending } = options;
  const waiting = entry.resend.waiting;
  return html`
    <form method="post" action="" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${options.onSubmit}>
      <pforte-code-input
        length=${entry.length}
        label=${options.label}
        described-by=${options.errorId}
        ?invalid=${entry.error !== ''}
        @pforte-code-complete=${options.onComplete}
        @input=${options.onInput}
      ></pforte-code-input>
      <p class="pf-error" id=${options.errorId} role="alert">${entry.error}</p>
      ${options.onResend
        ? html`<div class="pf-resend-row">
            <button type="button" class="pf-link pf-resend" ?disabled=${pending} aria-disabled=${ifDefined(waiting ? 'true' : undefined)} @click=${options.onResend}>
              ${waiting
                ? msg(str`New code in ${formatCountdown(entry.resend.secondsLeft)}`, { id: 'sms.resend.wait' })
                : msg('Send new code', { id: 'sms.resend' })}
            </button>
          </div>`
        : nothing}
      ${renderActions({
        pending,
        primary: {
          label: options.submitLabel ?? msg('Verify code', { id: 'sms.verify' }),
          busy: entry.verifying.pending,
          disabled: entry.dead,
        },
        secondary: codeStepSecondary(options),
        ...(options.canGoBack ? { onBack: options.onBack } : {}),
      })}
    </form>
  `;
}

/** "Activate later" of a code step, when the flow offers it: a quiet action in the step's one action row. */
export function codeStepSecondary(options: Pick<CodeEntryFormOptions, 'optional' | 'onSkip'>): ActionButton[] {
  return options.optional ? [{ label: msg('Activate later', { id: 'sms.later' }), className: 'pf-link', onClick: options.onSkip }] : [];
}
