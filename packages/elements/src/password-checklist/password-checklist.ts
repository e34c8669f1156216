import { html } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { evaluatePassword, policyPresets } from '@pforte/core';
import type { PasswordPolicy, PasswordRule } from '@pforte/core';
import { CommonPasswordController } from '../controllers/common-password-controller.js';
import { PforteElement } from '../internal/pforte-element.js';
import { browserScheduler } from '../controllers/scheduler.js';
import type { Scheduler } from '../controllers/scheduler.js';
import { passwordChecklistStyles } from './password-checklist.styles.js';

/**
 * Rules a password keeps by not doing something (too long, containing the
 * username, being a common password). Any short password keeps them, so they
 * are never ticked: they stay neutral until broken. The others are what a
 * password must achieve; only they are ticked and counted.
 */
const limitKinds: ReadonlySet<PasswordRule['kind']> = new Set(['maxLength', 'notIdentifier', 'notBlocklisted']);

/**
 * @summary A live list of the password policy's rules: what a password must
 * achieve (length, letters, digits) is ticked green as it becomes true; what
 * it must avoid (too long, the username, a common password) stays neutral
 * and turns red only when broken. With an empty field nothing is ticked or
 * red. Screen readers hear a short polite summary ("1 of 4 requirements
 * met") once the person pauses typing, and only when it changed; never the
 * whole list, never on every keystroke.
 *
 * Rendered in the light DOM, so it has no CSS parts: style it through the
 * `pf-*` classes and the `--pforte-*` properties.
 *
 * @cssproperty --pforte-color-success - Colour of a met rule's tick.
 * @cssproperty --pforte-color-muted - Colour of an unmet rule.
 * @cssproperty --pforte-color-text - Text.
 * @cssproperty --pforte-color-border - Borders.
 * @cssproperty --pforte-color-surface - Background.
 * @cssproperty --pforte-color-danger - A broken limit (too long, contains the username, a common password).
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

  /** Milliseconds of quiet after the last change before screen readers hear the summary. */
  @property({ type: Number, attribute: 'announce-delay' }) announceDelay = 1200;

  /** Timers of the announcement; inject a manual scheduler in tests. */
  @property({ attribute: false }) scheduler: Scheduler = browserScheduler;

  @state() private announcement = '';
  private announceTimer: unknown;
  private readonly common = new CommonPasswordController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.common.check(this.password);
    if (changed.has('password') || changed.has('policy') || changed.has('identifier')) this.scheduleAnnouncement();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelAnnouncement();
  }

  override render() {
    return html`
      <ul id=${this.listId} aria-label=${msg('Password requirements', { id: 'checklist.label' })}>
        ${this.states().map(({ rule, state }) => {
          const status =
            state === 'met' ? msg('(met)', { id: 'checklist.met' }) : state === 'open' || state === 'broken' ? msg('(not met)', { id: 'checklist.unmet' }) : '';
          return html`
            <li class=${state === 'met' ? 'pf-met' : state === 'broken' ? 'pf-broken' : ''}>
              <span class="pf-mark" aria-hidden="true">${state === 'met' ? '✓' : state === 'broken' ? '✕' : ''}</span>
              <span>${ruleText(rule)} <span class="pf-visually-hidden">${status}</span></span>
            </li>
          `;
        })}
      </ul>
      <p class="pf-visually-hidden" role="status">${this.announcement}</p>
    `;
  }

  /** Each rule's state for the current password: `met`, `open` (still to achieve), `kept` (a limit not broken) or `broken`. */
  private states(): { rule: PasswordRule; state: 'met' | 'open' | 'kept' | 'broken' }[] {
    const empty = this.password === '';
    const { results } = evaluatePassword(this.policy, this.password, { identifier: this.identifier });
    // Every product refuses common passwords: the policy's own blocklist rule shares its line with that rule, or the line is added.
    const common = this.common.commonFor(this.password) === true;
    const commonRule: PasswordRule = { kind: 'notBlocklisted' };
    const lines = results.some(({ rule }) => rule.kind === 'notBlocklisted') ? results : [...results, { rule: commonRule, met: true }];
    return lines.map(({ rule, met }) => {
      const kept = met && !(rule.kind === 'notBlocklisted' && common);
      if (limitKinds.has(rule.kind)) return { rule, state: !empty && !kept ? 'broken' : 'kept' };
      return { rule, state: !empty && met ? 'met' : 'open' };
    });
  }

  /** "Does not contain your username (not met). 2 of 4 requirements met": broken limits first, then the count. */
  private summary(): string {
    const states = this.states();
    const broken = states.filter(({ state }) => state === 'broken').map(({ rule }) => `${ruleText(rule)} ${msg('(not met)', { id: 'checklist.unmet' })}.`);
    const requirements = states.filter(({ state }) => state === 'met' || state === 'open');
    const met = requirements.filter(({ state }) => state === 'met').length;
    return [...broken, msg(str`${met} of ${requirements.length} requirements met`, { id: 'checklist.summary' })].join(' ');
  }

  private scheduleAnnouncement(): void {
    this.cancelAnnouncement();
    if (this.password === '') {
      this.announcement = '';
      return;
    }
    this.announceTimer = this.scheduler.setTimeout(() => {
      this.announceTimer = undefined;
      this.announcement = this.summary();
    }, this.announceDelay);
  }

  private cancelAnnouncement(): void {
    if (this.announceTimer === undefined) return;
    this.scheduler.clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
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
