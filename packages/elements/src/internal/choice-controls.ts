import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

/** One option of a radio group, explained by its hint. */
export interface ChoiceOption<Value extends string> {
  value: Value;
  label: string;
  hint: string;
}

export interface ChoicesOptions<Value extends string> {
  /** Prefix of the option ids, unique in the document. */
  id: string;
  legend: string;
  name: string;
  choices: ChoiceOption<Value>[];
  selected: Value | undefined;
  /** Id of a text about the whole group. */
  describedBy?: string | undefined;
  onChoose: (value: Value) => void;
}

/** A radio group (`.pf-choices`): a legend, then each option with its label and hint. */
export function renderChoices<Value extends string>(options: ChoicesOptions<Value>): TemplateResult {
  const onChange = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.checked) options.onChoose(input.value as Value);
  };
  return html`
    <fieldset class="pf-choices" aria-describedby=${ifDefined(options.describedBy)}>
      <legend>${options.legend}</legend>
      ${options.choices.map(({ value, label, hint }) => {
        const id = `${options.id}-${value}`;
        return html`
          <div class="pf-choice">
            <input
              type="radio"
              id=${id}
              name=${options.name}
              value=${String(value)}
              .checked=${live(value === options.selected)}
              aria-describedby="${id}-hint"
              @change=${onChange}
            />
            <label for=${id}>${label}</label>
            <p class="pf-muted pf-choice-hint" id="${id}-hint">${hint}</p>
          </div>
        `;
      })}
    </fieldset>
  `;
}
