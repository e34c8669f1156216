import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleModule, StrResult } from '@lit/localize';
import * as germanModule from '../generated/locales/de.js';

/** Locales Pforte ships complete translations for. */
export const supportedLocales = ['en', 'de'] as const;
export type PforteLocale = (typeof supportedLocales)[number];

/** Per-locale string overrides keyed by message id, e.g. `{de: {'credentials.heading': 'Praxis registrieren'}}`. */
export type StringOverrides = Partial<Record<PforteLocale, Record<string, string>>>;

/** Translated messages by id, as lit-localize generates them. */
export type Templates = Record<string, string | StrResult>;

/*
 * English is the source language of the messages, but it is registered as a
 * target locale behind a private source id: lit-localize only consults its
 * template table for target locales, and the table is where per-product
 * overrides go, so English needs one too.
 */
const runtimeSourceLocale = 'x-pforte-source';

const catalogs: Record<PforteLocale, Templates> = {
  en: {},
  de: { ...(germanModule.templates as Templates) },
};
const shippedCatalogs: Record<PforteLocale, Templates> = {
  en: {},
  de: { ...catalogs.de },
};

let activeLocale: PforteLocale = 'en';
let activeOverrides: StringOverrides = {};
let setRuntimeLocale: ((locale: string) => Promise<void>) | undefined;

function ensureConfigured(): void {
  if (setRuntimeLocale) return;
  try {
    setRuntimeLocale = configureLocalization({
      sourceLocale: runtimeSourceLocale,
      targetLocales: [...supportedLocales],
      loadLocale: (locale) => Promise.resolve({ templates: catalogs[locale as PforteLocale] } as LocaleModule),
    }).setLocale;
  } catch {
    // Another copy of the page's code configured this very @lit/localize
    // instance. The published bundles carry a private instance, so this only
    // happens when a build deduplicates it; text then stays English.
    console.warn('[pforte] @lit/localize is already configured on this page; Pforte text stays in English.');
    setRuntimeLocale = () => Promise.resolve();
  }
}

/** Narrows any BCP 47 tag (`de-AT`, `en_GB`) to a supported Pforte locale, or undefined. */
export function matchLocale(tag: string | null | undefined): PforteLocale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return supportedLocales.find((locale) => locale === language);
}

/** The `locale` attribute, else `<html lang>`, else the browser's languages, else English. */
export function resolveLocale(requested?: string | null): PforteLocale {
  const candidates = [requested, document.documentElement.lang, ...navigator.languages];
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return 'en';
}

/** The locale Pforte currently renders in. */
export function getLocale(): PforteLocale {
  return activeLocale;
}

/**
 * Switches every Pforte element on the page to `locale` (any tag; unsupported
 * ones fall back to English). Resolves once the new text is rendered-ready.
 */
export async function setLocale(locale: string): Promise<PforteLocale> {
  ensureConfigured();
  activeLocale = matchLocale(locale) ?? 'en';
  await setRuntimeLocale?.(activeLocale);
  return activeLocale;
}

/** Turns an override such as `{0} von {1} erfüllt` into the template shape lit-localize fills. */
function toTemplate(text: string): string | StrResult {
  const parts = text.split(/\{(\d+)\}/);
  if (parts.length === 1) return text;
  const strings = parts.filter((_, index) => index % 2 === 0);
  const values = parts.filter((_, index) => index % 2 === 1).map(Number);
  return { strTag: true, strings: Object.assign(strings, { raw: strings }), values } as unknown as StrResult;
}

/**
 * Replaces shipped messages with product wording, without a rebuild. Calling
 * it again replaces the previous overrides. Placeholders are written `{0}`,
 * `{1}` in the order the English message has them.
 */
export function setStringOverrides(overrides: StringOverrides = {}): void {
  ensureConfigured();
  activeOverrides = overrides;
  rebuildCatalogs();
}

/**
 * Adds shipped translations that arrive with lazily loaded code (the later
 * steps' German text); overrides keep winning over them.
 */
export function addMessages(locale: PforteLocale, templates: Templates): void {
  Object.assign(shippedCatalogs[locale], templates);
  rebuildCatalogs();
}

function rebuildCatalogs(): void {
  for (const locale of supportedLocales) {
    const catalog = catalogs[locale];
    for (const id of Object.keys(catalog)) delete catalog[id];
    Object.assign(catalog, shippedCatalogs[locale]);
    for (const [id, text] of Object.entries(activeOverrides[locale] ?? {})) catalog[id] = toTemplate(text);
  }
  // Same event lit-localize sends, so every localized element re-renders.
  window.dispatchEvent(
    new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: activeLocale } }),
  );
}
