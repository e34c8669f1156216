import { PforteError } from '../src/index.js';
import { equal, ok, rejects } from './assert.js';

/** Expects a rejection with a PforteError of `code` and the given details; returns the error. */
export async function expectCode(
  promise: Promise<unknown>,
  code: string,
  details: Partial<PforteError> = {},
): Promise<PforteError> {
  const error = await rejects(promise);
  ok(error instanceof PforteError, `a PforteError, got ${String(error)}`);
  equal(error.code, code);
  for (const [key, value] of Object.entries(details)) equal(error[key as keyof PforteError], value, key);
  return error;
}
