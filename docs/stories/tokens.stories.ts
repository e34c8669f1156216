import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { designTokens } from './support/tokens.js';
import { brandedTokens } from './support/themes.js';

/**
 * Every --pforte-* custom property with its light and dark default, read
 * from the element styles themselves (tokens.styles.ts), so this table
 * cannot drift from the code. The swatches follow the toolbar theme.
 */
const meta: Meta = {
  title: 'Guides/Theming/Tokens',
  render: () => html`<table class="pforte-token-table">
    <caption>--pforte-* custom properties</caption>
    <thead>
      <tr>
        <th scope="col">Property</th>
        <th scope="col">Light</th>
        <th scope="col">Dark</th>
        <th scope="col">Branded example</th>
        <th scope="col">Used for</th>
      </tr>
    </thead>
    <tbody>
      ${designTokens().map(
        (token) => html`<tr>
          <th scope="row"><code>${token.name}</code></th>
          <td>${swatch(token.light, token.isColor)}</td>
          <td>${token.dark === token.light ? html`<span>same</span>` : swatch(token.dark, token.isColor)}</td>
          <td>${brandedTokens[token.name] ? swatch(brandedTokens[token.name]!, token.isColor) : html`<span>default</span>`}</td>
          <td>${token.description}</td>
        </tr>`,
      )}
    </tbody>
  </table>`,
};
export default meta;

function swatch(value: string, isColor: boolean) {
  return html`${isColor ? html`<span class="pforte-swatch" style="background:${value}" aria-hidden="true"></span>` : ''}<code>${value}</code>`;
}

/** The table of tokens. */
export const Table: StoryObj = {};
