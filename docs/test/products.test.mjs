/**
 * Every seed product configuration (examples/products/) passes
 * parseConfig. The TypeScript sources are loaded through Vite's module
 * runner with the `pforte-source` condition, so no build is needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultServerConditions, runnerImport } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const conditions = ['pforte-source', ...defaultServerConditions];
const viteConfig = { root, configFile: false, logLevel: 'error', resolve: { conditions }, ssr: { resolve: { conditions } } };

const { module: products } = await runnerImport('/examples/products/catalog.ts', viteConfig);
const { module: core } = await runnerImport('/packages/core/src/index.ts', viteConfig);

const entries = Object.entries(products.productCatalog);

test('every product config file in examples/products/ is in the catalog, each following its own seed', () => {
  const productFiles = readdirSync(new URL('../../examples/products/', import.meta.url)).filter(
    (name) => name.endsWith('.json') && name !== 'demo-backend.json',
  );
  assert.deepEqual(entries.map(([, product]) => product.file).sort(), productFiles.sort());
  const seeds = entries.map(([, product]) => product.seed);
  assert.equal(new Set(seeds).size, seeds.length, 'two products name the same seed');
});

for (const [key, product] of entries) {
  test(`${key} (${product.seed}) is a valid configuration`, () => {
    const config = core.parseConfig(product.config);
    assert.equal(config.product, product.config.product);
    assert.equal(config.steps.at(-1).id, 'done');
  });
}

test('the bad-config story really is invalid', async () => {
  const { module: signup } = await runnerImport('/docs/stories/support/configs.ts', viteConfig);
  assert.throws(() => core.parseConfig(signup.badConfig), { name: 'ConfigError', message: 'steps[1].codeLength: expected 4–10' });
});
