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

/**
 * Runs the video consultation flow of seed 001 (credentials → pin → sms →
 * visibility → done) in German, reading the SMS code from the page's outbox
 * list (`#outbox`), which the examples' memory backend fills.
 */
export async function completeVideoConsultation(page, { username = 'dr.berger', password = testPassword } = {}) {
  const signup = page.locator('pforte-signup');
  await signup.getByLabel('Benutzername').fill(username);
  await signup.getByLabel('Passwort', { exact: true }).fill(password);
  await signup.getByRole('button', { name: 'Bestätigen & Fortfahren' }).click();

  await signup.getByRole('checkbox', { name: 'Ich habe meine Service-PIN sicher verwahrt.' }).check();
  await signup.getByRole('button', { name: 'Fortfahren' }).click();

  await signup.getByLabel('Mobilfunknummer').fill('01512 3456789');
  await signup.getByRole('button', { name: 'Code senden' }).click();
  const smsText = await page.locator('#outbox li').last().textContent({ timeout: 10_000 });
  const code = /\b\d{8}\b/.exec(smsText)?.[0];
  assert.ok(code, `no code in the outbox: ${smsText}`);
  await signup.getByLabel('Code aus der SMS').fill(code);

  await signup.getByRole('checkbox', { name: 'In der Kontaktsuche sichtbar sein' }).check();
  await signup.getByRole('button', { name: 'Fortfahren' }).click();
  const done = signup.locator('pforte-done-step h2');
  await done.waitFor({ timeout: 10_000 });
  return done.textContent();
}
