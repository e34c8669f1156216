import assert from 'node:assert/strict';

export const testPassword = 'Ruhige-Praxis-2026!';

/**
 * Registers through `<pforte-signup>` on `page` for a credentials → done flow
 * (the examples' configuration). Returns the done step's heading text.
 */
export async function completeRegistration(page, { username = 'praxis.team@example.com', password = testPassword } = {}) {
  const signup = page.locator('pforte-signup');
  await signup.locator('input[name="username"]').waitFor();
  await signup.locator('input[name="username"]').fill(username);
  await signup.locator('input[name="password"]').fill(password);
  await signup.locator('pforte-credentials-step button[type="submit"]').click();
  const done = signup.locator('pforte-done-step h2');
  await done.waitFor({ timeout: 10_000 });
  return done.textContent();
}

/** Fails when `problems` (console errors, page errors) is not empty. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems, [], problems.join('\n'));
}
