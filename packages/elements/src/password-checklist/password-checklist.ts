import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { evaluatePassword, policyPresets } from '@pforte/core';
import type { PasswordPolicy, PasswordRule } from '@pforte/core';
import { CommonPasswordController } from '../controllers/common-password-controller.js';
import { PforteElement } from '../internal/pforte-element.js';
import { passwordChecklistStyles } from './password-checklist.styles.js';

/**
 * @summary A live list of the password policy's rules, each ticked green as it
 * becomes true. Screen readers hear a short polite summary ("3 of 5
 * requirements met") only when the count changes, never the whole list.
 *
 * Every policy ends with "Not a commonly used password", the rule every
 * backend enforces: its list loads once the person has typed something.
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

  private readonly common = new CommonPasswordController(this);

  protected override willUpdate(): void {
    this.common.check(this.password);
  }

  override render() {
    const evaluation = evaluatePassword(this.policy, this.password, { identifier: this.identifier });
    const notCommon = this.common.commonFor(this.password) === false;
    // The policy's own blocklist rule shares its line with the common-password rule.
    const lines = evaluation.results.map((result) => ({
      text: ruleText(result.rule),
      met: result.met && (result.rule.kind !== 'notBlocklisted' || notCommon),
    }));
    if (!evaluation.results.some((result) => result.rule.kind === 'notBlocklisted')) {
      lines.push({ text: msg('Not a commonly used password', { id: 'rule.notBlocklisted' }), met: notCommon });
    }
    const metCount = lines.filter((line) => line.met).length;
    return html`
      <ul id=${this.listId} aria-label=${msg('Password requirements', { id: 'checklist.label' })}>
        ${lines.map(
          (line) => html`
            <li class=${line.met ? 'pf-met' : ''}>
              <span class="pf-mark" aria-hidden="true">${line.met ? '✓' : ''}</span>
              <span>
                ${line.text}
                <span class="pf-visually-hidden">
                  ${line.met ? msg('(met)', { id: 'checklist.met' }) : msg('(not met)', { id: 'checklist.unmet' })}
                </span>
              </span>
            </li>
          `,
        )}
      </ul>
      <p class="pf-visually-hidden" role="status">
        ${this.password === '' ? '' : msg(str`${metCount} of ${lines.length} requirements met`, { id: 'checklist.summary' })}
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
