/**
 * The part of @lit/localize's runtime API Pforte uses (`msg` with explicit
 * ids, `str`, `configureLocalization`, `updateWhenLocaleChanges`,
 * `LOCALE_STATUS_EVENT`), with the same behaviour, for the script-tag files:
 * vite.cdn.config.ts puts it in place of @lit/localize, whose runtime also
 * carries id hashing and html templates that Pforte's messages never use.
 * The sources keep importing @lit/localize, so `lit-localize extract` reads
 * them as before.
 */
import type { ReactiveControllerHost } from 'lit';

/** The event lit-localize sends on a locale change; elements re-render on `ready`. */
export const LOCALE_STATUS_EVENT = 'lit-localize-status';

/** A message with expressions, as `str` tags it. */
export interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: readonly unknown[];
}

/** A locale's messages by id. */
export interface LocaleModule {
  templates: Record<string, string | StrResult>;
}

/** Tags a message with expressions, so a translation can place them. */
export function str(strings: TemplateStringsArray, ...values: unknown[]): StrResult {
  return { strTag: true, strings, values };
}

let activeTemplates: LocaleModule['templates'] | undefined;

/** `strings` with `values` between them; `order` says which value goes where (a translation's order). */
function join(strings: readonly string[], values: readonly unknown[], order?: readonly unknown[]): string {
  let text = strings[0]!;
  for (let index = 1; index < strings.length; index += 1) {
    text += String(values[order ? (order[index - 1] as number) : index - 1]);
    text += strings[index]!;
  }
  return text;
}

/** The active locale's text of the message with `options.id`, else the source text. */
export function msg(template: string | StrResult, options?: { id?: string }): string {
  const localized = options?.id === undefined ? undefined : activeTemplates?.[options.id];
  const values = typeof template === 'string' ? [] : template.values;
  if (typeof localized === 'string') return localized;
  if (localized) return join(localized.strings, values, localized.values);
  return typeof template === 'string' ? template : join(template.strings, values);
}

/** Configures the runtime: `setLocale` loads a target locale's templates (the source locale has none). */
export function configureLocalization(options: {
  sourceLocale: string;
  targetLocales: readonly string[];
  loadLocale: (locale: string) => Promise<LocaleModule>;
}): { getLocale: () => string; setLocale: (locale: string) => Promise<void> } {
  let active = options.sourceLocale;
  return {
    getLocale: () => active,
    async setLocale(locale) {
      activeTemplates = locale === options.sourceLocale ? undefined : (await options.loadLocale(locale)).templates;
      active = locale;
      window.dispatchEvent(new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }));
    },
  };
}

/** Re-renders `host` whenever a locale becomes ready. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost): void {
  const onStatus = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') host.requestUpdate();
  };
  host.addController({
    hostConnected: () => window.addEventListener(LOCALE_STATUS_EVENT, onStatus),
    hostDisconnected: () => window.removeEventListener(LOCALE_STATUS_EVENT, onStatus),
  });
}
