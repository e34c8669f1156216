import { PforteError } from '@pforte/core';
import type { NewAccountInput } from '@pforte/core/rules';
import { parseArgs } from 'node:util';
import type { PforteServer } from './app.js';

/**
 * `pforte-server create-account --username … [--product …] [--second-factor none|sms|email] [--phone +49…] [--email …]`:
 * creates an account whose first sign-in must replace the initial password.
 * The password is read from standard input (one line), never from the
 * command line, where other users and the shell history would see it.
 * With `--invite --return-url URL` there is no initial password: the person
 * gets an e-mailed link to URL (`#pforte-reset-token=…`) and sets their own.
 * Returns the exit code; prints the account id, or one line naming the problem.
 */
export async function createAccountCommand(
  server: Pick<PforteServer, 'createAccount' | 'inviteAccount'>,
  args: string[],
  readPassword: () => Promise<string>,
  print: { out(line: string): void; error(line: string): void } = { out: (line) => process.stdout.write(`${line}\n`), error: console.error },
): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        product: { type: 'string' },
        'second-factor': { type: 'string' },
        phone: { type: 'string' },
        email: { type: 'string' },
        invite: { type: 'boolean' },
        'return-url': { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
    }) as unknown as { values: Record<string, string | undefined> });
  } catch (error) {
    print.error(`create-account: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const secondFactor = values['second-factor'] ?? 'none';
  const invite = (values['invite'] as unknown) === true;
  const returnUrl = values['return-url'];
  if (values['username'] === undefined || !['none', 'sms', 'email'].includes(secondFactor) || invite !== (returnUrl !== undefined)) {
    print.error(
      'usage: pforte-server create-account --username NAME [--product ID] [--second-factor none|sms|email] [--phone +49…] [--email ADDRESS] (< password | --invite --return-url URL [--locale de|en])',
    );
    return 2;
  }
  const account = {
    username: values['username'],
    secondFactor: secondFactor as NewAccountInput['secondFactor'],
    product: values['product'],
    phone: values['phone'],
    email: values['email'],
  };
  return refusedAs('create-account', print, async () => {
    if (returnUrl !== undefined) {
      const { accountId, username } = await server.inviteAccount({ ...account, returnUrl, locale: values['locale'] });
      print.out(`created ${accountId} (${username}); the invitation e-mail lets the person set a password`);
      return;
    }
    const password = (await readPassword()).replace(/\r?\n$/, '');
    const { accountId, username } = await server.createAccount({ ...account, password });
    print.out(`created ${accountId} (${username}); the first sign-in must replace the initial password`);
  });
}

/**
 * `pforte-server invite-guest --email ADDRESS --return-url URL [--product ID] [--name NAME] [--phone +49…] [--locale de|en]`:
 * invites a guest (access by TAN): e-mails a link to URL with the invitation
 * in its fragment, and the one-time code (with the link, or apart as the
 * product says). Prints the invitation's id and end, never its token or code.
 */
export async function inviteGuestCommand(
  server: Pick<PforteServer, 'inviteGuest'>,
  args: string[],
  print: { out(line: string): void; error(line: string): void } = { out: (line) => process.stdout.write(`${line}\n`), error: console.error },
): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        'return-url': { type: 'string' },
        product: { type: 'string' },
        name: { type: 'string' },
        phone: { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    print.error(`invite-guest: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const email = values['email'];
  const returnUrl = values['return-url'];
  if (email === undefined || returnUrl === undefined) {
    print.error('usage: pforte-server invite-guest --email ADDRESS --return-url URL [--product ID] [--name NAME] [--phone +49…] [--locale de|en]');
    return 2;
  }
  return refusedAs('invite-guest', print, async () => {
    const { invitationId, expiresAt } = await server.inviteGuest({
      email,
      returnUrl,
      product: values['product'],
      name: values['name'],
      phone: values['phone'],
      locale: values['locale'],
    });
    print.out(`invited ${invitationId}; the invitation works until ${new Date(expiresAt).toISOString()}`);
  });
}

/** Runs `work`: exit code 0, or 1 with one line naming a refusal (its code and field, nothing typed). */
async function refusedAs(command: string, print: { error(line: string): void }, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (!(error instanceof PforteError)) throw error;
    print.error(`${command}: refused (${error.code}${error.field ? `, ${error.field}` : ''})`);
    return 1;
  }
}

/** Standard input up to the first line break. */
export async function readLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}
