import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { evaluatePassword, policyPresets } from '@pforte/core';
import type { PasswordPolicy, PasswordRule } from '@pforte/core';
import { PforteElement } from '../internal/pforte-element.js';
import { passwordChecklistStyles } from './password-checklist.styles.js';

/**
 * @summary A live list of the password policy's rules, each ticked green as it
 * becomes true. Screen readers hear a short polite summary ("3 of 5
 * requirements met") only when the count changes, never the whole list.
 *
 * Rendered in the light DOM, so it has no CSS parts: style it through the
 * `pf-*` classes and the `--pforte-*` properties.
 *
 * @cssproperty --pforte-color-success - Colour of a met rule's tick.
 * @cssproperty --pforte-color-muted - Colour of an unmet rule.
 * @cssproperty --pforte-color-text - Text.
 * @cssproperty --pforte-color-border - Borders.
 * @cssproperty --pforte-color-surface - Background.
 */
export class PfortePasswordChecklist extends PforteElement {
  static override pforteStyles = [...PforteElement.pforteStyles, passwordChecklistStyles];

  /** The rules to show. Defaults to the NIST-style policy. */
  @property({ attribute: false }) policy: PasswordPolicy = policyPresets.nist;

  /** The password to check. A property only: it is never reflected to an attribute. */
  @property({ attribute: false }) password = '';

  /** The username or e-mail, for the "must not contain your username" rule. */
  @property({ attribute: false }) identifier = '';

  /** Id of the list, so an input can reference it with `aria-describedby`. */
  @property({ attribute: 'list-id' }) listId = 'pforte-password-rules';

  override render() {
    const evaluation = evaluatePassword(this.policy, this.password, { identifier: this.identifier });
    return html`
      <ul id=${this.listId} aria-label=${msg('Password requirements', { id: 'checklist.label' })}>
        ${evaluation.results.map(
          (result) => html`
            <li class=${result.met ? 'pf-met' : ''}>
              <span class="pf-mark" aria-hidden="true">${result.met ? '✓' : ''}</span>
              <span>
                ${ruleText(result.rule)}
                <span class="pf-visually-hidden">
                  ${result.met ? msg('(met)', { id: 'checklist.met' }) : msg('(not met)', { id: 'checklist.unmet' })}
                </span>
              </span>
            </li>
          `,
        )}
      </ul>
      <p class="pf-visually-hidden" role="status">
        ${this.password === ''
          ? ''
          : msg(str`${evaluation.metCount} of ${evaluation.total} requirements met`, { id: 'checklist.summary' })}
      </p>
    `;
  }
}

function ruleText(rule: PasswordRule): string {
  switch (rule.kind) {
    case 'minLength':
      return msg(str`At least ${rule.value} characters`, { id: 'rule.minLength' });
    case 'maxLength':
      return msg(str`At most ${rule.value} characters`, { id: 'rule.maxLength' });
    case 'lowercase':
      return msg('A lowercase letter', { id: 'rule.lowercase' });
    case 'uppercase':
      return msg('An uppercase letter', { id: 'rule.uppercase' });
    case 'digit':
      return msg('A digit', { id: 'rule.digit' });
    case 'symbol':
      return msg('A special character (e.g. ! ? # or a space)', { id: 'rule.symbol' });
    case 'notIdentifier':
      return msg('Does not contain your username', { id: 'rule.notIdentifier' });
    case 'notBlocklisted':
      return msg('Not a commonly used password', { id: 'rule.notBlocklisted' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-password-checklist': PfortePasswordChecklist;
  }
}
