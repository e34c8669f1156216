import type { Queryable } from './db.js';

/** One SMS to send. `code` is the bare code, for senders that use templates. */
export interface SmsMessage {
  to: string;
  text: string;
  code: string;
  flowId: string;
  sentAt: number;
}

/**
 * Sends SMS: implement it to use a provider's SDK, or use
 * `createWebhookSmsSender`. Called inside the transaction that stores the
 * code: when `send` throws (or rejects), nothing is stored and the person
 * gets an error to try again; so throw whenever the provider did not accept
 * the message, and resolve only once it did. Keep it short (a timeout well
 * under the widget's 15 s): the flow stays locked meanwhile. `tx` is for
 * senders that keep a record in the database (the development outbox).
 * `message.text` is complete (product name, language, the WebOTP line);
 * `message.code` is there for providers that send templates of their own.
 *
 * @example
 * const smsSender: SmsSender = {
 *   async send({ to, text }) {
 *     await provider.messages.create({ to, body: text, from: 'Praxis' }); // throws when refused
 *   },
 * };
 * await createPforteServer({ smsSender, ... });
 */
export interface SmsSender {
  /** Whether this sender only records messages (refused in production). */
  readonly development?: boolean;
  send(message: SmsMessage, tx: Queryable): Promise<void>;
}

/** Development sender: writes to the outbox table, readable at GET /dev/outbox outside production. */
export const outboxSmsSender: SmsSender = {
  development: true,
  async send(message, tx) {
    await tx.query(
      'INSERT INTO outbox (channel, recipient, body, code, flow_id, sent_at) VALUES ($1, $2, $3, $4, $5, $6)',
      ['sms', message.to, message.text, message.code, message.flowId, message.sentAt],
    );
  },
};

/** Production default without an `smsSender`: every send fails (the caller gets 'unknown'), nothing is stored. */
export const missingSmsSender: SmsSender = {
  send: () => Promise.reject(new Error('no smsSender configured')),
};
