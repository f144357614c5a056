// Notifier: how the platform reaches a person (SMS today). The default is the development SMS outbox;
// a real SMS gateway plugs in by configuration without code changes in the callers.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Database } from '../db/schema.ts';
import { DevSmsOutbox } from './dev-sms-outbox.ts';

/** One message to one person. */
export interface Notification {
  channel: 'sms';
  /** Phone number (SMS). */
  to: string;
  text: string;
  /** What the message is for (e.g. resident-registration), kept for audit. */
  purpose: string;
}

/** Sends notifications; implementations must never log the text (it may carry a one-time code). */
export interface Notifier {
  /** Human-readable name, e.g. "开发环境短信 DEVELOPMENT SMS OUTBOX". */
  readonly label: string;
  send(message: Notification): Promise<void>;
  /** Called when a send that nobody awaits fails (the caller has already answered). */
  onError?(err: unknown, maskedTo: string): void;
}

/** The notifier chosen by configuration (today: the development outbox). */
export function createNotifier(_config: Config, db: Kysely<Database>, logger: Logger): Notifier {
  return new DevSmsOutbox(db, logger);
}
