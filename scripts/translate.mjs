#!/usr/bin/env node
/**
 * Adds translations to a locale's XLIFF, `packages/elements/xliff/<locale>.xlf`:
 *
 *   node scripts/translate.mjs <locale> translations.json
 *   node scripts/translate.mjs translations.json          (German, as before)
 *   node scripts/translate.mjs <locale> --missing         (what still lacks a translation)
 *
 * The JSON maps message ids to text in that locale. Placeholders are written
 * `{0}`, `{1}` by the index of the English message's expressions, placed where
 * the language needs them. `--missing` prints such a JSON skeleton: for every
 * message without a translation its id, with the English and German beside it.
 *
 * The messages are the ones `npm run localize:extract` writes into `de.xlf`
 * (German is the source locale's first target, so that file always holds every
 * English message). Run the extraction first so new messages are there. A
 * locale lit-localize does not build yet gets its file written from de.xlf's
 * messages here, keeping its existing translations; for a locale it builds,
 * the locale modules are rebuilt. docs/glossary.md holds the terms and the
 * register of every locale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readUnits, xliffDir, xliffPath } from './xliff.mjs';

const args = process.argv.slice(2);
const [locale, input] = args.length === 1 ? ['de', args[0]] : args;
if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(locale ?? '') || input === undefined) {
  console.error('usage: node scripts/translate.mjs [<locale>] <translations.json | --missing>');
  process.exit(2);
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (text) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** A target as the JSON writes it: placeholders as `{n}`, entities decoded. */
const plain = (xml) => unescapeXml(xml.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}'));

const german = readUnits(xliffPath('de'));
const path = xliffPath(locale);
const existing = existsSync(path) ? readUnits(path) : new Map();
const built = JSON.parse(readFileSync(`${xliffDir}/../lit-localize.json`, 'utf8')).targetLocales;

if (input === '--missing') {
  const missing = {};
  for (const [id, unit] of german) {
    if (existing.get(id)?.target === undefined) missing[id] = { en: plain(unit.source), de: plain(unit.target ?? '') };
  }
  console.log(JSON.stringify(missing, null, 2));
  process.exit(0);
}

const translations = JSON.parse(readFileSync(input, 'utf8'));
const units = locale === 'de' || built.includes(locale) ? existing : german;
const unknown = Object.keys(translations).filter((id) => !units.has(id));

let applied = 0;
const body = [...units].map(([id, unit]) => {
  const previous = existing.get(id);
  // A translation of an English text that has since changed is dropped, so --missing lists it again.
  let target = locale === 'de' || built.includes(locale) || previous?.source === unit.source ? previous?.target : undefined;
  if (id in translations) {
    const placeholders = unit.source.match(/<x id="\d+"[^>]*\/>/g) ?? [];
    target = escapeXml(translations[id]).replace(/\{(\d+)\}/g, (_, index) => {
      const placeholder = placeholders.find((candidate) => candidate.startsWith(`<x id="${index}"`));
      if (!placeholder) throw new Error(`${id}: no placeholder {${index}} in the English message`);
      return placeholder;
    });
    applied += 1;
  }
  const targetLine = target === undefined ? '' : `\n  <target>${target}</target>`;
  return `<trans-unit id="${id}">\n  <source>${unit.source}</source>${targetLine}\n</trans-unit>`;
});

const header = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
  `<file target-language="${locale}" source-language="en" original="lit-localize-inputs" datatype="plaintext">`,
  '<body>',
];
writeFileSync(path, [...header, ...body, '</body>', '</file>', '</xliff>'].join('\n') + '\n');
if (unknown.length) console.warn(`not in ${path} (run npm run localize:extract first): ${unknown.join(', ')}`);
if (locale === 'de' || built.includes(locale)) execFileSync('node', ['scripts/localize-build.mjs'], { stdio: 'inherit' });
console.log(`${locale}: translated ${applied} messages`);
