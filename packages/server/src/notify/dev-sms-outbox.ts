// 开发环境短信 DEVELOPMENT SMS OUTBOX: text messages are written to a table instead of a phone network,
// shown to admins at GET /api/v1/admin/dev-sms and read by tests. Never a production SMS channel.
import crypto from 'node:crypto';
import { maskPhone } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.ts';
import type { Notification, Notifier } from './notifier.ts';

/** The label shown wherever the outbox appears. */
export const DEV_SMS_LABEL = '开发环境短信 / DEVELOPMENT SMS OUTBOX — not sent to any phone';

/** The default Notifier: stores each SMS in `dev_sms_outbox`. */
export class DevSmsOutbox implements Notifier {
  readonly label = DEV_SMS_LABEL;
  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Logger,
  ) {}

  async send(message: Notification): Promise<void> {
    await this.db
      .insertInto('dev_sms_outbox')
      .values({
        id: crypto.randomUUID(),
        phone: message.to,
        text: message.text,
        purpose: message.purpose,
        created_at: new Date().toISOString(),
      })
      .execute();
    this.logger.info(
      { to: maskPhone(message.to), purpose: message.purpose },
      `${DEV_SMS_LABEL}: message stored`,
    );
  }

  onError(err: unknown, maskedTo: string): void {
    this.logger.error({ err, to: maskedTo }, 'development SMS outbox write failed');
  }
}

/** The latest messages of the outbox, newest first (optionally for one phone). */
export async function readDevSms(
  db: Kysely<Database>,
  opts: { phone?: string | undefined; limit?: number } = {},
) {
  let q = db
    .selectFrom('dev_sms_outbox')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(opts.limit ?? 50);
  if (opts.phone) q = q.where('phone', '=', opts.phone);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    phone: r.phone,
    text: r.text,
    purpose: r.purpose,
    createdAt: r.created_at,
  }));
}
