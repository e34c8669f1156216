import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { PforteStepElement } from '../internal/step-element.js';
import { doneStepStyles } from './done-step.styles.js';

/**
 * @summary The closing page of a registration: the account is ready.
 *
 * @cssproperty --pforte-color-success - Background of the check mark.
 */
export class PforteDoneStep extends PforteStepElement {
  static override pforteStyles = [...PforteStepElement.pforteStyles, doneStepStyles];

  readonly step = 'done' as const;

  /** The product's name, e.g. "Videosprechstunde". */
  @property() product = '';

  /** The username the account was created with. */
  @property() username = '';

  override render() {
    return html`
      <div class="pf-done-mark" aria-hidden="true">✓</div>
      <h2 tabindex="-1">${msg('Registration complete', { id: 'done.heading' })}</h2>
      <p>
        ${this.product
          ? msg(str`Your account is active. You can now use ${this.product}.`, { id: 'done.body.product' })
          : msg('Your account is active.', { id: 'done.body' })}
      </p>
      ${this.username
        ? html`<p class="pf-muted">${msg(str`Your username: ${this.username}`, { id: 'done.username' })}</p>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pforte-done-step': PforteDoneStep;
  }
}
