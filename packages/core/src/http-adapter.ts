import type { CallOptions, PforteAdapter } from './adapter.js';
import type { HttpAdapterOptions } from './http-client.js';

export type { HttpAdapterOptions } from './http-client.js';

type AdapterMethod = keyof PforteAdapter;
const adapterMethods: readonly AdapterMethod[] = [
  'startRegistration',
  'submitCredentials',
  'issuePin',
  'setPin',
  'confirmPinSaved',
  'sendSmsCode',
  'verifySmsCode',
  'skipStep',
  'setVisibility',
  'complete',
];

/**
 * An adapter that talks to a backend implementing the Pforte HTTP contract
 * (docs/openapi.json): one `POST` per method, every response validated, errors
 * read from `application/problem+json`, an `Idempotency-Key` per submit.
 *
 * The client itself (`http-client.ts`) loads on the first call: every method
 * is async anyway, and pages that pass their own adapter, or render the first
 * step before anything is sent, do not pay for it up front.
 */
export function createHttpAdapter(options: HttpAdapterOptions): PforteAdapter {
  let client: Promise<PforteAdapter> | undefined;
  const loadClient = () => (client ??= import('./http-client.js').then((module) => module.createHttpClient(options)));
  const forward =
    (method: AdapterMethod) =>
    async (input: never, callOptions?: CallOptions): Promise<unknown> => {
      const loaded = await loadClient();
      return (loaded[method] as (input: never, callOptions?: CallOptions) => Promise<unknown>)(input, callOptions);
    };
  return Object.fromEntries(adapterMethods.map((method) => [method, forward(method)])) as unknown as PforteAdapter;
}
