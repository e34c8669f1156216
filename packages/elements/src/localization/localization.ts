import { configureLocalization, LOCALE_STATUS_EVENT } from '@lit/localize';
import type { LocaleModule, StrResult } from '@lit/localize';
import { bestLocale, formatDuration, localeDirection, matchLocale as matchOffered } from '@pforte/core';
import type { DurationUnit, PforteLocale } from '@pforte/core';
import { allLocales } from '../generated/locale-codes.js';
import { translationLoader } from '../generated/locales/index.js';
import { templates as germanFirstStep } from '../generated/locales/de/pforte.js';

/** Locales Pforte ships complete translations for: every one of core's `pforteLocales`. */
export const supportedLocales: readonly PforteLocale[] = allLocales;
export type { PforteLocale };

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

/**
 * What the first step renders (scripts/message-groups.mjs). Every other
 * group is loaded once a module declares it ({@link useMessages}).
 */
const firstStepGroup = 'pforte';
/**
 * Text that is part of this file: German, the widget's first language, of
 * what the first step renders, so a German page shows its first step without
 * waiting on a second file (a round trip, 560 ms on a slow connection). Every
 * other locale's is `locales/<locale>/pforte.js`, so adding a locale does not
 * grow the first step's file.
 */
const bundled: Partial<Record<string, { group: string; templates: Templates }>> = {
  de: { group: firstStepGroup, templates: germanFirstStep as Templates },
};
/** The error sentences and the done step: not on screen with the first step, so a locale switch does not wait for them. */
const backgroundGroups: ReadonlySet<string> = new Set(['flow']);

const emptyCatalogs = () => Object.fromEntries(supportedLocales.map((locale) => [locale, {}])) as Record<PforteLocale, Templates>;
/** What lit-localize reads: the shipped text of the loaded groups, then the overrides. */
const catalogs = emptyCatalogs();
const shippedCatalogs = emptyCatalogs();
for (const [locale, { templates }] of Object.entries(bundled) as [PforteLocale, { templates: Templates }][]) {
  Object.assign(shippedCatalogs[locale], templates);
  Object.assign(catalogs[locale], templates);
}
/** Groups whose text the page needs, and per locale the loads of their text. */
const declaredGroups = new Set<string>([firstStepGroup]);
const groupLoads = new Map<string, Promise<void>>();

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

/** Loads `locale`'s text of `group` once (nothing for English, the source text, or a group without text). */
function loadGroup(locale: PforteLocale, group: string): Promise<void> {
  if (bundled[locale]?.group === group) return Promise.resolve();
  const load = translationLoader(locale, group);
  if (!load) return Promise.resolve();
  const key = `${locale}/${group}`;
  let pending = groupLoads.get(key);
  if (!pending) {
    pending = load().then(
      (module) => {
        Object.assign(shippedCatalogs[locale], module.templates);
        rebuildCatalogs();
      },
      (error: unknown) => {
        groupLoads.delete(key);
        throw error;
      },
    );
    groupLoads.set(key, pending);
  }
  return pending;
}

/**
 * Loads `locale`'s text of every declared group. With `firstStep`, resolves
 * once all but the {@link backgroundGroups} are there; those come later.
 */
function loadDeclared(locale: PforteLocale, { firstStep = false } = {}): Promise<void> {
  const awaited: Promise<void>[] = [];
  for (const group of declaredGroups) {
    const load = loadGroup(locale, group);
    if (firstStep && backgroundGroups.has(group)) void load.catch(() => undefined);
    else awaited.push(load);
  }
  return Promise.all(awaited).then(() => undefined);
}

/**
 * Declares that the calling module renders the messages of `group` (the
 * part of their ids before the first dot, e.g. `pin` for `pin.heading`; the
 * first step's groups are always there). The active locale's text of the
 * group is loaded now, another locale's when the page switches to it.
 * Resolves once the active locale's text is in place.
 */
export function useMessages(group: string): Promise<void> {
  declaredGroups.add(group);
  return loadGroup(activeLocale, group).catch(() => {
    // Offline: the text stays English until the next switch loads it.
  });
}

/** Resolves once the active locale's text of every declared group is loaded (or failed to load). */
export function messagesLoaded(): Promise<void> {
  return loadDeclared(activeLocale).catch(() => undefined);
}

/** Narrows any BCP 47 tag (`de-AT`, `en_GB`) to a supported Pforte locale, or undefined (`pt`). */
export function matchLocale(tag: string | null | undefined): PforteLocale | undefined {
  return matchOffered(tag, supportedLocales);
}

/**
 * The `locale` attribute, else `<html lang>`, else the browser's languages,
 * matched among the locales a product offers (all by default); else English
 * when offered, else the first offered.
 */
export function resolveLocale(requested?: string | null, offered: readonly PforteLocale[] = supportedLocales): PforteLocale {
  return bestLocale([requested, document.documentElement.lang, ...navigator.languages], offered);
}

/**
 * Sets an element's `lang` and, unless the page set its `dir`, the writing
 * direction of `locale` (Arabic right to left). An explicit `dir` on the
 * element is the page's choice and wins; `data-pforte-dir` marks ours.
 */
export function applyLanguage(element: HTMLElement, locale: PforteLocale): void {
  element.lang = locale;
  if (element.hasAttribute('dir') && !element.hasAttribute('data-pforte-dir')) return;
  element.dir = localeDirection(locale);
  element.setAttribute('data-pforte-dir', '');
}

/** A count of seconds, minutes, hours or days in the active locale's words and plural form ("1 Sekunde", "3 ثوان"). */
export function duration(count: number, unit: DurationUnit): string {
  return formatDuration(activeLocale, count, unit);
}

/**
 * Text a person gave (an e-mail address, a phone number, a username) set
 * apart from the sentence around it, so right-to-left text does not reorder
 * it ("+49 151…" keeps its plus in front): Unicode's first-strong isolate.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

/** The locale Pforte currently renders in. */
export function getLocale(): PforteLocale {
  return activeLocale;
}

/**
 * Switches every Pforte element on the page to `locale` (any tag; unsupported
 * ones fall back to English). Loads that locale's text of the messages in
 * use and resolves once the new text is rendered-ready (offline, the text
 * that could not load stays English).
 */
export function setLocale(locale: string): Promise<PforteLocale> {
  return switchLocale(locale, false);
}

/**
 * {@link setLocale} for `<pforte-signup>` with its first step on screen:
 * resolves once that step's text is there; the error sentences and the done
 * step's text arrive a moment later (they are not on screen yet).
 */
export function setLocaleForFirstStep(locale: string): Promise<PforteLocale> {
  return switchLocale(locale, true);
}

async function switchLocale(locale: string, firstStep: boolean): Promise<PforteLocale> {
  ensureConfigured();
  const next = matchLocale(locale) ?? 'en';
  await loadDeclared(next, { firstStep }).catch(() => undefined);
  activeLocale = next;
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
