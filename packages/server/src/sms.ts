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
 * Sends SMS. Called inside the transaction that stores the code: when it
 * throws, nothing is stored and the caller gets an error. `tx` is for senders
 * that keep a record in the database (the development outbox).
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
