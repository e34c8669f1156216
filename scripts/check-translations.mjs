#!/usr/bin/env node
/**
 * Fails when a message has no German translation or the generated locale
 * module is older than the XLIFF: re-extract, translate, `npm run localize:build`.
 * Every locale's XLIFF (`xliff/<locale>.xlf`) must hold exactly the extracted
 * messages, each translated with its placeholders intact (scripts/xliff.mjs).
 * Also fails when a module renders messages of a group it does not declare
 * with `useMessages('<group>')` (its text would not load; see
 * scripts/message-groups.mjs).
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { firstStepGroup, groupOf } from './message-groups.mjs';
import { execFileSync } from 'node:child_process';
import { localeProblems, parseUnits, readUnits, xliffDir, xliffPath as localeXliffPath } from './xliff.mjs';

const elements = 'packages/elements';
const xliffPath = join(elements, 'xliff/de.xlf');

// Extract into a scratch copy of the XLIFF, so a stale file is detected, not rewritten.
const scratch = mkdtempSync(join(tmpdir(), 'pforte-l10n-'));
try {
  cpSync(join(elements, 'xliff'), join(scratch, 'xliff'), { recursive: true });
  const config = JSON.parse(readFileSync(join(elements, 'lit-localize.json'), 'utf8'));
  config.interchange.xliffDir = join(scratch, 'xliff');
  config.inputFiles = config.inputFiles.map((pattern) => join(process.cwd(), elements, pattern));
  const configPath = join(scratch, 'lit-localize.json');
  writeFileSync(configPath, JSON.stringify(config));
  execFileSync('npx', ['lit-localize', 'extract', '--config', configPath], { stdio: 'ignore' });
  const extracted = readFileSync(join(scratch, 'xliff/de.xlf'), 'utf8');
  const units = [...extracted.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)];
  const untranslated = units.filter(([, , body]) => !/<target>[\s\S]*?<\/target>/.test(body)).map(([, id]) => id);
  const committed = readFileSync(xliffPath, 'utf8');
  const germanDir = join(elements, 'src/generated/locales/de');
  const generated = readdirSync(germanDir)
    .map((file) => readFileSync(join(germanDir, file), 'utf8'))
    .join('\n');
  const notGenerated = units.map(([, id]) => id).filter((id) => !generated.includes(`'${id}'`));
  const problems = [];
  for (const file of readdirSync(join(elements, 'src'), { recursive: true })) {
    if (!file.endsWith('.ts') || /\.(test|stories)\.ts$/.test(file) || file.startsWith('generated')) continue;
    const source = readFileSync(join(elements, 'src', file), 'utf8');
    if (!/\bmsg\(/.test(source)) continue;
    const declared = new Set([firstStepGroup, ...[...source.matchAll(/useMessages\('([\w-]+)'\)/g)].map(([, group]) => group)]);
    const missing = new Set([...source.matchAll(/\bid: '([\w.-]+)'/g)].map(([, id]) => groupOf(id)).filter((group) => !declared.has(group)));
    if (missing.size) problems.push(`${relative('.', join(elements, 'src', file))} renders messages of ${[...missing].join(', ')} without useMessages() for them`);
  }
  if (untranslated.length) problems.push(`no German translation for: ${untranslated.join(', ')}`);
  if (extracted !== committed) problems.push(`${xliffPath} is not up to date with the sources (run npm run localize:extract)`);
  if (notGenerated.length) problems.push(`generated src/generated/locales/de/ lacks: ${notGenerated.join(', ')} (run npm run localize:build)`);
  const english = parseUnits(extracted);
  const locales = readdirSync(xliffDir).filter((file) => file.endsWith('.xlf')).map((file) => file.slice(0, -'.xlf'.length));
  for (const locale of locales) problems.push(...localeProblems(locale, english, readUnits(localeXliffPath(locale))));
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log(`translations: ${units.length} messages, complete in ${locales.join(', ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
