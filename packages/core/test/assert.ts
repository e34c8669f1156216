/**
 * Core's tests run under node's test runner (pure logic needs no browser);
 * these assertions keep their messages short and show the values compared.
 */
export { afterEach, beforeEach, describe, it } from 'node:test';

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Error) return `${value.name}(${JSON.stringify(value.message)})`;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function fail(message: string | undefined, detail: string): never {
  throw new AssertionError(message ? `${message}: ${detail}` : detail);
}

/** Passes when `value` is truthy. */
export function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

/** Strict equality (Object.is). */
export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

/** Strict inequality. */
export function notEqual<T>(actual: T, expected: T, message?: string): void {
  if (Object.is(actual, expected)) fail(message, `expected anything but ${show(expected)}`);
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) =>
      Object.prototype.hasOwnProperty.call(b, key) &&
      isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Structural equality of plain objects and arrays. */
export function deepEqual<T>(actual: T, expected: T, message?: string): void {
  if (!isDeepEqual(actual, expected)) fail(message, `expected ${show(expected)}, got ${show(actual)}`);
}

type ErrorCheck = ((error: unknown) => void) | string | RegExp;

function checkError(error: unknown, check: ErrorCheck | undefined, message: string | undefined): void {
  if (check === undefined) return;
  if (typeof check === 'function') return check(error);
  const text = error instanceof Error ? error.message : String(error);
  const matches = typeof check === 'string' ? text === check : check.test(text);
  if (!matches) fail(message, `expected error message ${show(check instanceof RegExp ? String(check) : check)}, got ${show(text)}`);
}

/** Passes when `fn` throws; `check` is the exact message, a pattern or a function that asserts on the error. */
export function throws(fn: () => unknown, check?: ErrorCheck, message?: string): unknown {
  try {
    fn();
  } catch (error) {
    checkError(error, check, message);
    return error;
  }
  return fail(message, 'expected a throw, but nothing was thrown');
}

/** Passes when `promise` rejects; returns the reason. */
export async function rejects(promise: Promise<unknown>, check?: ErrorCheck, message?: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    checkError(error, check, message);
    return error;
  }
  return fail(message, 'expected a rejection, but the promise resolved');
}
