/**
 * Everything the browser validates with zod, loaded through
 * `loadValidation()` (load-validation.ts) so that the first step's code does
 * not carry it.
 */
export { parseConfig, safeParseConfig } from './config.js';
export { parseResult } from './adapter-schemas.js';
export { parseResponse, parseProblem } from './http-contract.js';
