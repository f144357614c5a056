// Staff accounts: username + password + TOTP (mandatory), roles, a department and police stations (辖区).
import { AppError } from '@certcloud/core';
import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import type { Database } from '../../db/schema.ts';
import type { StaffRole } from '../../http/identity.ts';
import { hashPassword, randomToken, verifyPassword } from './secrets.ts';
import { revokeSubjectSessions } from './sessions.ts';

/** Every staff role. */
export const STAFF_ROLES: readonly StaffRole[] = [
  'window-officer',
  'responsible-officer',
  'department-head',
  'admin',
];

/** What an admin gives to create a staff member. */
export interface NewStaff {
  username: string;
  displayName?: string | undefined;
  departmentCode: string;
  roles: StaffRole[];
  stationCodes?: string[] | undefined;
}

/** What is shown once after creating a staff member: the initial password and the TOTP enrolment. */
export interface StaffEnrolment {
  username: string;
  initialPassword: string;
  totpSecret: string;
  otpauthUrl: string;
}

async function assertDepartments(db: Kysely<Database>, codes: string[]): Promise<void> {
  if (codes.length === 0) return;
  const found = await db.selectFrom('departments').select('code').where('code', 'in', codes).execute();
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length > 0) throw new AppError('NOT_FOUND', { details: { departments: missing } });
}

/** Creates a staff member; the initial password and TOTP secret are returned once. */
export async function createStaff(db: Kysely<Database>, input: NewStaff): Promise<StaffEnrolment> {
  if (!/^[a-z][a-z0-9._-]{2,39}$/.test(input.username))
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [{ path: '/username', message: 'a-z, 0-9, . _ -; 3-40' }] },
    });
  const roles = [...new Set(input.roles)];
  if (roles.length === 0 || roles.some((r) => !STAFF_ROLES.includes(r)))
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [{ path: '/roles', message: STAFF_ROLES.join(', ') }] },
    });
  const stations = [...new Set(input.stationCodes ?? [])];
  await assertDepartments(db, [input.departmentCode, ...stations]);
  const initialPassword = randomToken(12);
  const totpSecret = generateSecret();
  const now = new Date().toISOString();
  const inserted = await db
    .insertInto('staff_accounts')
    .values({
      username: input.username,
      display_name: input.displayName ?? input.username,
      password_hash: await hashPassword(initialPassword),
      totp_secret: totpSecret,
      last_totp_step: null,
      department_code: input.departmentCode,
      roles: JSON.stringify(roles),
      station_codes: JSON.stringify(stations),
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0)
    throw new AppError('CONFLICT', { details: { username: input.username } });
  const otpauthUrl = generateURI({ issuer: 'certcloud 证明云', label: input.username, secret: totpSecret });
  return { username: input.username, initialPassword, totpSecret, otpauthUrl };
}

/** Changes roles, stations or the disabled flag; any change ends the member's sessions. */
export async function updateStaff(
  db: Kysely<Database>,
  username: string,
  change: {
    roles?: StaffRole[] | undefined;
    stationCodes?: string[] | undefined;
    disabled?: boolean | undefined;
  },
): Promise<{ sessionsRevoked: number }> {
  const row = await db
    .selectFrom('staff_accounts')
    .select('username')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (change.roles && (change.roles.length === 0 || change.roles.some((r) => !STAFF_ROLES.includes(r))))
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [{ path: '/roles', message: STAFF_ROLES.join(', ') }] },
    });
  if (change.stationCodes) await assertDepartments(db, change.stationCodes);
  const now = new Date().toISOString();
  await db
    .updateTable('staff_accounts')
    .set({
      updated_at: now,
      ...(change.roles ? { roles: JSON.stringify([...new Set(change.roles)]) } : {}),
      ...(change.stationCodes ? { station_codes: JSON.stringify([...new Set(change.stationCodes)]) } : {}),
      ...(change.disabled === undefined ? {} : { disabled_at: change.disabled ? now : null }),
    })
    .where('username', '=', username)
    .execute();
  const sessionsRevoked = await revokeSubjectSessions(db, { kind: 'staff', id: username }, 'staff-changed');
  return { sessionsRevoked };
}

/**
 * Checks username, password and the current TOTP code (each code usable once). Unknown usernames cost
 * the same argon2 verification and give the same answer as a wrong password.
 */
export async function verifyStaffLogin(
  db: Kysely<Database>,
  input: { username: string; password: string; totp: string },
): Promise<string> {
  const row = await db
    .selectFrom('staff_accounts')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(row?.password_hash, input.password);
  if (!row || !passwordOk || row.disabled_at) throw new AppError('INVALID_CREDENTIALS');
  const result = await verifyTotp({
    secret: row.totp_secret,
    token: input.totp,
    epochTolerance: 30, // one 30 s step either side for clock drift
    ...(row.last_totp_step === null ? {} : { afterTimeStep: row.last_totp_step }),
  }).catch(() => ({ valid: false as const }));
  if (!result.valid || !('timeStep' in result)) throw new AppError('INVALID_CREDENTIALS');
  const step = result.timeStep;
  // Conditional update: two logins racing with the same code cannot both win.
  const claimed = await db
    .updateTable('staff_accounts')
    .set({ last_totp_step: step })
    .where('username', '=', row.username)
    .where((eb) => eb.or([eb('last_totp_step', 'is', null), eb('last_totp_step', '<', step)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) throw new AppError('INVALID_CREDENTIALS');
  return row.username;
}

/** The staff identity fields for a username, or undefined if absent or disabled. */
export async function loadStaff(db: Kysely<Database>, username: string) {
  const row = await db
    .selectFrom('staff_accounts')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  return {
    username: row.username,
    displayName: row.display_name,
    roles: JSON.parse(row.roles) as StaffRole[],
    departmentCode: row.department_code,
    stationCodes: JSON.parse(row.station_codes) as string[],
  };
}

/** Changes a staff member's password after checking the current one; ends all their sessions. */
export async function changeStaffPassword(
  db: Kysely<Database>,
  username: string,
  current: string,
  next: string,
): Promise<void> {
  const row = await db
    .selectFrom('staff_accounts')
    .select('password_hash')
    .where('username', '=', username)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.password_hash, current))) throw new AppError('INVALID_CREDENTIALS');
  await db
    .updateTable('staff_accounts')
    .set({ password_hash: await hashPassword(next), updated_at: new Date().toISOString() })
    .where('username', '=', username)
    .execute();
  await revokeSubjectSessions(db, { kind: 'staff', id: username }, 'password-changed');
}
