import { PforteError } from '@pforte/core';
import type { NewAccountInput } from '@pforte/core/rules';
import { parseArgs } from 'node:util';
import type { PforteServer } from './app.js';

/**
 * `pforte-server create-account --username … [--product …] [--second-factor none|sms|email] [--phone +49…] [--email …]`:
 * creates an account whose first sign-in must replace the initial password.
 * The password is read from standard input (one line), never from the
 * command line, where other users and the shell history would see it.
 * Returns the exit code; prints the account id, or one line naming the problem.
 */
export async function createAccountCommand(
  server: Pick<PforteServer, 'createAccount'>,
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
      },
      strict: true,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    print.error(`create-account: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const secondFactor = values['second-factor'] ?? 'none';
  if (values['username'] === undefined || !['none', 'sms', 'email'].includes(secondFactor)) {
    print.error('usage: pforte-server create-account --username NAME [--product ID] [--second-factor none|sms|email] [--phone +49…] [--email ADDRESS] < password');
    return 2;
  }
  const password = (await readPassword()).replace(/\r?\n$/, '');
  const input: NewAccountInput = {
    username: values['username'],
    password,
    secondFactor: secondFactor as NewAccountInput['secondFactor'],
    product: values['product'],
    phone: values['phone'],
    email: values['email'],
  };
  try {
    const { accountId, username } = await server.createAccount(input);
    print.out(`created ${accountId} (${username}); the first sign-in must replace the initial password`);
    return 0;
  } catch (error) {
    if (!(error instanceof PforteError)) throw error;
    print.error(`create-account: refused (${error.code}${error.field ? `, ${error.field}` : ''})`);
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
