import { readdirSync, readFileSync } from 'node:fs';
import { draftConfig, parseConfig } from '../src/index.js';
import type { PforteConfig } from '../src/index.js';
import { deepEqual, describe, equal, it } from './assert.js';

const productsDir = new URL('../../../../examples/products/', import.meta.url);
const products = readdirSync(productsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ file, config: JSON.parse(readFileSync(new URL(file, productsDir), 'utf8')) as unknown }));

/** What the first step reads before validation: everything but the later steps' options and the `signIn` section, which only backends read. */
const firstStepView = ({ signIn: _backendOnly, ...config }: PforteConfig) => ({ ...config, steps: config.steps.map((step) => step.id) });

describe('draftConfig (the first step before the schema loads)', () => {
  it('reads every seed product and the defaults as parseConfig resolves them', () => {
    const inputs = [...products, { file: 'no config', config: undefined }, { file: 'empty', config: {} }];
    for (const { file, config } of inputs) {
      deepEqual(firstStepView(draftConfig(config)!), firstStepView(parseConfig(config)), file);
      deepEqual(firstStepView(draftConfig(JSON.stringify(config ?? {}))!), firstStepView(parseConfig(config)), `${file} as JSON`);
    }
  });

  it('reads policies, usernames, locale and overrides as given', () => {
    const input = {
      id: 'praxis',
      product: 'Praxisportal',
      username: { kind: 'username', minLength: 4 },
      passwordPolicy: { rules: [{ kind: 'minLength', value: 12 }] },
      locale: 'de',
      strings: { de: { 'credentials.heading': 'Zugang anlegen' } },
      requestTimeoutMs: 20000,
      signInUrl: '/anmelden',
      steps: ['credentials', { id: 'sms', optional: true }, 'done'],
    };
    deepEqual(firstStepView(draftConfig(input)!), firstStepView(parseConfig(input)));
    deepEqual<unknown>(draftConfig(input)!.steps[1], { optional: true, id: 'sms' }, 'a later step keeps its options as given until validated');
  });

  it('gives up on what is not an object, leaving the message to the validation', () => {
    for (const input of ['{not json', '[]', 42, 'null', { steps: 'credentials' }]) equal(draftConfig(input), undefined, String(input));
  });
});
