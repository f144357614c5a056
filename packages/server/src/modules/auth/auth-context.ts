// What the auth routes share: the store, settings, devices and throttles.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../config/config.ts';
import type { Database } from '../../db/schema.ts';
import type { Notifier } from '../../notify/notifier.ts';
import type { CardReader, FaceVerifier } from './kiosk-devices.ts';
import type { AuthLimiters } from './rate-limits.ts';

/** Dependencies of the auth routes. */
export interface AuthContext {
  db: Kysely<Database>;
  config: Config;
  logger: Logger;
  notifier: Notifier;
  cardReader: CardReader;
  faceVerifier: FaceVerifier;
  limiters: AuthLimiters;
}
