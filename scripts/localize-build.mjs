#!/usr/bin/env node
/**
 * `npm run localize:build`: lit-localize build, then undo its over-escaping.
 * @lit/localize-tools writes XML entities (`&amp;`) into the generated
 * modules even for plain-string messages (lit/lit#3025), so "Bestätigen &
 * Fortfahren" would read "Bestätigen &amp; Fortfahren". Pforte has no
 * html-tagged messages, so decoding every generated literal is safe.
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
