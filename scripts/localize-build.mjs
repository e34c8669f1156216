#!/usr/bin/env node
/**
 * `npm run localize:build`: lit-localize build, then undo its over-escaping.
 * @lit/localize-tools writes XML entities (`&amp;`) into the generated
 * modules even for plain-string messages (lit/lit#3025), so "Bestätigen &
 * Fortfahren" would read "Bestätigen &amp; Fortfahren". Pforte has no
 * html-tagged messages, so decoding every generated literal is safe.
 *
 * Then the German module is split in two: `de.ts` holds what the first step
 * and the flow host say (credentials, checklist, errors, common words, the
 * done page); `de-steps.ts` holds the later steps' text and travels with
 * their lazily loaded code (localization/step-messages.ts), so the first
 * step's bundle does not carry the whole catalogue.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const elements = 'packages/elements';
execFileSync('npx', ['lit-localize', 'build', '--config', 'lit-localize.json'], { cwd: elements, stdio: 'inherit' });

const entities = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&amp;': '&' };
const localesDir = join(elements, 'src/generated/locales');
for (const file of readdirSync(localesDir)) {
  const path = join(localesDir, file);
  const source = readFileSync(path, 'utf8');
  if (/\bhtml`/.test(source)) throw new Error(`${path} has html-tagged messages; decoding them is not safe.`);
  writeFileSync(path, source.replace(/&(lt|gt|quot|apos|amp);/g, (entity) => entities[entity]));
}

/** Message id prefixes of the first step and the flow host; everything else is a later step's. */
const firstStepPrefixes = ['credentials.', 'checklist.', 'rule.', 'error.', 'common.', 'signup.', 'done.'];
const germanPath = join(localesDir, 'de.ts');
const german = readFileSync(germanPath, 'utf8');
const entryPattern = /^\s*'([^']+)': .*,$/;
const lines = german.split('\n');
const entries = lines.filter((line) => entryPattern.test(line));
if (entries.length !== german.split(/^\s*'[^']+': /m).length - 1) {
  throw new Error(`${germanPath}: a message spans several lines; the split below expects one per line.`);
}
const isFirstStep = (line) => firstStepPrefixes.some((prefix) => entryPattern.exec(line)[1].startsWith(prefix));
const moduleWith = (selected) => {
  const kept = lines.filter((line) => !entryPattern.test(line) || selected.includes(line));
  return kept.join('\n').replace(/^\s*import \{str\} from '@lit\/localize';$/m, (line) =>
    selected.some((entry) => entry.includes(': str`')) ? line : '',
  );
};
writeFileSync(germanPath, moduleWith(entries.filter(isFirstStep)));
writeFileSync(join(localesDir, 'de-steps.ts'), moduleWith(entries.filter((line) => !isFirstStep(line))));
