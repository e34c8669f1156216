#!/usr/bin/env node
/**
 * Adds German translations to packages/elements/xliff/de.xlf and rebuilds the
 * locale module: `node scripts/translate.mjs translations.json` where the
 * JSON maps message ids to German text. Placeholders are written `{0}`,
 * `{1}` in the order of the English message's expressions.
 * Run `npm run localize:extract` first so the new messages are in the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const xliffPath = 'packages/elements/xliff/de.xlf';
const translations = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

let applied = 0;
const xliff = readFileSync(xliffPath, 'utf8').replace(
  /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g,
  (unit, id, body) => {
    if (!(id in translations)) return unit;
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)[1];
    const placeholders = source.match(/<x id="\d+"[^>]*\/>/g) ?? [];
    const target = escapeXml(translations[id]).replace(/\{(\d+)\}/g, (_, index) => {
      const placeholder = placeholders.find((candidate) => candidate.startsWith(`<x id="${index}"`));
      if (!placeholder) throw new Error(`${id}: no placeholder {${index}} in the English message`);
      return placeholder;
    });
    applied += 1;
    const withoutTarget = body.replace(/\s*<target>[\s\S]*?<\/target>/, '');
    return `<trans-unit id="${id}">${withoutTarget.replace('</source>', `</source>\n  <target>${target}</target>`)}</trans-unit>`;
  },
);
writeFileSync(xliffPath, xliff);
const unknown = Object.keys(translations).filter((id) => !xliff.includes(`<trans-unit id="${id}">`));
if (unknown.length) console.warn(`not in ${xliffPath} (run npm run localize:extract first): ${unknown.join(', ')}`);
execFileSync('node', ['scripts/localize-build.mjs'], { stdio: 'inherit' });
console.log(`translated ${applied} messages`);
