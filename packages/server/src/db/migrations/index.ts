import type { Migration } from 'kysely';
import * as m001 from './001-city.ts';
import * as m002 from './002-meta.ts';
import * as m003 from './003-sources.ts';
import * as m004 from './004-access-log.ts';
import * as m005 from './005-certificates.ts';
import * as m020 from './020-auth.ts';
import * as m021 from './021-dev-sms.ts';
import * as m030 from './030-signing-keys.ts';
import * as m040 from './040-verification.ts';

/** Every migration, in order; one set for SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '001-city': m001,
  '002-meta': m002,
  '003-sources': m003,
  '004-access-log': m004,
  '005-certificates': m005,
  '020-auth': m020,
  '021-dev-sms': m021,
  '030-signing-keys': m030,
  '040-verification': m040,
};
