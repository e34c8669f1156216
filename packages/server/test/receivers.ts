import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Items as they arrive; `next()` waits for the next one not yet taken. */
class Arrivals<Item> {
  private readonly items: Item[] = [];
  private readonly waiting: Array<(item: Item) => void> = [];
  readonly all: Item[] = [];

  push(item: Item): void {
    this.all.push(item);
    const waiter = this.waiting.shift();
    if (waiter) waiter(item);
    else this.items.push(item);
  }

  next(): Promise<Item> {
    const item = this.items.shift();
    return item === undefined ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve(item);
  }
}

/** A mail as the receiving SMTP server got it, decoded. */
export interface ReceivedMail {
  /** Envelope sender and recipients. */
  mailFrom: string;
  rcptTo: string[];
  /** The login the client used. */
  user: string | undefined;
  headers: Map<string, string>;
  subject: string;
  /** The plain text body. */
  text: string;
}

/**
 * An SMTP server on 127.0.0.1 that wants a login and keeps every mail; no
 * TLS (a test on one machine). Recipients starting with `refused` are
 * refused, as a mail server refuses a mailbox.
 */
export async function startSmtpReceiver(login: { user: string; pass: string }) {
  const mails = new Arrivals<ReceivedMail>();
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(address.address.startsWith('refused') ? new Error('Mailbox unavailable') : null);
    },
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('latin1');
        mails.push({
          ...parseMail(raw),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((to) => to.address),
          user: typeof session.user === 'string' ? session.user : undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    /** `smtp://user:pass@127.0.0.1:port`. */
    url: `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Headers and the decoded text of a single-part plain-text mail. */
function parseMail(raw: string): { headers: Map<string, string>; subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 4);
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? quotedPrintable(body.replace(/=\r\n/g, ''))
      : encoding === 'base64'
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'latin1');
  return { headers, subject: encodedWords(headers.get('subject') ?? ''), text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() };
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(index + 1, index + 3))) {
      bytes.push(parseInt(text.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(text.charCodeAt(index));
  }
  return Buffer.from(bytes);
}

/** A header with RFC 2047 encoded words decoded (adjacent words joined, so a character may span two). */
function encodedWords(header: string): string {
  return header.replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g)].map(([, kind, text]) =>
      kind!.toUpperCase() === 'B' ? Buffer.from(text!, 'base64') : quotedPrintable(text!.replace(/_/g, ' ')),
    );
    return Buffer.concat(bytes).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}

/** A call the webhook receiver got: the body, and whether its `Pforte-Signature` checked out. */
export interface WebhookCall {
  body: { to: string; text: string } & Record<string, unknown>;
  contentType: string | undefined;
  signature: string;
  timestamp: number;
  signatureValid: boolean;
}

/**
 * An HTTP receiver on 127.0.0.1 standing in for an SMS gateway: it checks
 * `Pforte-Signature` the way the README tells a receiver to (HMAC-SHA-256 of
 * `t.body`, constant-time), keeps each call and answers `status` (204 unless
 * changed; `'hang'` never answers).
 */
export async function startWebhookReceiver(secret: string) {
  const calls = new Arrivals<WebhookCall>();
  const open = new Set<ServerResponse>();
  const receiver = {
    status: 204 as number | 'hang',
    calls,
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signature = String(request.headers['pforte-signature'] ?? '');
      const parts = Object.fromEntries(signature.split(',').map((part) => part.split('=') as [string, string]));
      const expected = createHmac('sha256', secret).update(`${parts['t']}.${raw}`).digest();
      const given = Buffer.from(parts['v1'] ?? '', 'hex');
      calls.push({
        body: JSON.parse(raw) as WebhookCall['body'],
        contentType: request.headers['content-type'],
        signature,
        timestamp: Number(parts['t']),
        signatureValid: given.length === expected.length && timingSafeEqual(given, expected),
      });
      if (receiver.status === 'hang') {
        open.add(response);
        return;
      }
      response.statusCode = receiver.status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
