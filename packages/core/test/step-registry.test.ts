import * as z from 'zod/mini';
import { PforteError, builtinSteps, createStepRegistry, defineStep, parseConfig } from '../src/index.js';
import { createMemoryAdapter } from '../src/memory.js';
import * as rules from '../src/rules/index.js';
import { deepEqual, describe, equal, it, ok, throws } from './assert.js';

/*
 * A step a product brings: one descriptor, and the registry's consumers —
 * the config schema and its checks, the flow's order rules, completion —
 * take it without any change.
 */
interface FavouriteColourStep {
  id: 'favouriteColour';
  optional: boolean;
  colours: string[];
}
const favouriteColourSchema = z.strictObject({
  id: z.literal('favouriteColour'),
  optional: z._default(z.optional(z.boolean()), false),
  colours: z.array(z.string().check(z.regex(/^#[0-9a-f]{6}$/, { error: 'expected a colour such as "#00ff00"' }))),
});
const favouriteColourStep = defineStep<FavouriteColourStep>()({
  id: 'favouriteColour',
  summary: 'The colour the account is shown in.',
  schema: favouriteColourSchema,
  resolve: (step: z.output<typeof favouriteColourSchema>) => ({ id: 'favouriteColour', optional: step.optional, colours: [...step.colours] }),
  after: ['credentials'],
  isDone: (view) => typeof view.extra['favouriteColour'] === 'string',
  actions: [],
});
const registry = createStepRegistry([...builtinSteps, favouriteColourStep]);
// A config that uses it, as the JSON a product ships.
const config = JSON.stringify({ steps: ['credentials', { id: 'favouriteColour', colours: ['#00ff00'] }] });

describe('a step added by a descriptor', () => {
  it('becomes configurable with its options and defaults', () => {
    const parsed = parseConfig(config, registry);
    deepEqual(
      parsed.steps.map((step) => step.id),
      ['credentials', 'favouriteColour', 'done'],
    );
    deepEqual(parsed.steps[1] as unknown, { id: 'favouriteColour', optional: false, colours: ['#00ff00'] });
  });

  it('is validated with one message naming the path', () => {
    throws(() => parseConfig({ steps: ['credentials', { id: 'favouriteColour', colours: ['green'] }] }, registry), (error) => {
      equal((error as Error).message, 'steps[1].colours[0]: expected a colour such as "#00ff00"');
    });
    throws(() => parseConfig(config), /unknown step/, 'unknown without the descriptor');
  });

  it('is ordered by its descriptor', () => {
    throws(() => parseConfig({ steps: [{ id: 'favouriteColour', colours: [] }, 'credentials'] }, registry), (error) => {
      equal((error as Error).message, 'steps[0]: "favouriteColour" needs "credentials" before it');
    });
  });

  it('is enforced: complete waits for it, skipping it is refused, it counts once done', async () => {
    const adapter = createMemoryAdapter({ products: { colourful: config }, registry });
    const { flowId } = await adapter.startRegistration({ locale: 'de', product: 'colourful' });
    await adapter.submitCredentials({ flowId, username: 'farbe@example.org', password: 'lange-sichere-Passphrase' });
    await rejectsWith(adapter.complete({ flowId }), 'step.required');
    await rejectsWith(adapter.skipStep({ flowId, step: 'favouriteColour' as never }), 'step.required');

    const product = rules.defineProduct('colourful', config, registry);
    const view = rules.newFlowView('flow_1', 'colourful', 'de', Date.now() + 1000);
    view.username = 'farbe@example.org';
    equal(rules.completionProblem(product, view)?.code, 'step.required');
    view.extra['favouriteColour'] = '#00ff00';
    equal(rules.completionProblem(product, view), undefined);
    deepEqual(rules.completedSteps(product, view), ['credentials', 'favouriteColour'] as never);
  });
});

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    ok(error instanceof PforteError, String(error));
    equal(error.code, code);
    return;
  }
  ok(false, `expected ${code}`);
}
