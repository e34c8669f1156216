/**
 * Mocha's globals as @web/test-runner provides them in the browser, typed
 * without @types/mocha (not installed; the root tsconfig sets `types: []`).
 * Delete this file if @types/mocha is added.
 */
type MochaBody = (this: { timeout(ms: number): void }) => unknown;

declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: MochaBody): void;
declare function before(body: MochaBody): void;
declare function after(body: MochaBody): void;
declare function beforeEach(body: MochaBody): void;
declare function afterEach(body: MochaBody): void;
