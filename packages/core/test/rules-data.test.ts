import { readFile } from 'node:fs/promises';
import { describe, equal, it } from './assert.js';

const root = new URL('../../', import.meta.url);

describe('rules data', () => {
  it('the generated data modules are those the packages give (npm run generate -w @pforte/core)', async () => {
    const generator = (await import(new URL('scripts/rules-data.mjs', root).href)) as { render(): Promise<Record<string, string>> };
    for (const [path, text] of Object.entries(await generator.render())) {
      equal(await readFile(new URL(path, root), 'utf8'), text, path);
    }
  });
});
