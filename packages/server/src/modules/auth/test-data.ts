// Test data helpers without the HTTP app: departments, household rows, and ready-made identities
// (sessions, tokens, kiosk sessions) created directly, without going through login.
import { makeUscc } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database, HouseholdRow } from '../../db/schema.ts';
import type { StaffRole } from '../../http/identity.ts';
import { createClient, issueAccessToken } from './clients.service.ts';
import { KIOSK_SESSION_HEADER } from './identity-resolver.ts';
import { simulatedCardReader, simulatedFaceVerifier } from './kiosk-devices.ts';
import { createKiosk, startKioskSession } from './kiosks.service.ts';
import { hashPassword, randomToken } from './secrets.ts';
import { createSession, SESSION_COOKIE } from './sessions.ts';

/** The public URL test apps run under (http://localhost: cookies without Secure). */
export const TEST_PUBLIC_URL = 'http://localhost:8080';

/** Inserts departments (police stations etc.) by code if absent. */
export async function ensureDepartments(db: Kysely<Database>, codes: string[]): Promise<void> {
  for (const code of codes) {
    await db
      .insertInto('departments')
      .values({
        code,
        kind: code.includes('-GA-') ? 'police-station' : 'department',
        parent_code: null,
        name: `测试部门 ${code}`,
        name_en: `Test department ${code}`,
        uscc: makeUscc('11', '441400', 'MB2C0001'),
        area_code: '441402',
        address: '梅江区测试路1号',
        phone: '0753-0000000',
        office_hours: '09:00-17:00',
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
}

/** Inserts household-register rows; unspecified fields get plain defaults. */
export async function addHousehold(
  db: Kysely<Database>,
  rows: (Partial<HouseholdRow> & Pick<HouseholdRow, 'id_number' | 'name'>)[],
): Promise<void> {
  await db
    .insertInto('src_household')
    .values(
      rows.map((r) => ({
        gender: 'M' as const,
        birth_date: '1980-01-01',
        ethnicity: '汉族',
        area_code: '441402',
        address: '梅江区测试路2号',
        household_no: `H-${r.id_number}`,
        relation_to_head: '户主',
        police_station: 'MZ-GA-441402-01',
        status: 'registered' as const,
        dereg_reason: null,
        dereg_date: null,
        ...r,
      })),
    )
    .execute();
}

/** A signed-in resident's cookie header (creates the account if needed, password unknown). */
export async function residentCookie(db: Kysely<Database>, idNumber: string): Promise<string> {
  let account = await db
    .selectFrom('resident_accounts')
    .select('id')
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  if (!account) {
    const id = `acct-${randomToken(6)}`;
    const now = new Date().toISOString();
    await db
      .insertInto('resident_accounts')
      .values({
        id,
        id_number: idNumber,
        phone: '13800000000',
        password_hash: await hashPassword(randomToken()),
        created_at: now,
        password_changed_at: now,
        disabled_at: null,
      })
      .execute();
    account = { id };
  }
  const session = await createSession(db, { kind: 'resident', id: account.id });
  return `${SESSION_COOKIE}=${session.token}`;
}

/** A signed-in staff member's cookie header (creates the account directly, no TOTP enrolment). */
export async function staffCookie(
  db: Kysely<Database>,
  staff: { username: string; roles: StaffRole[]; departmentCode?: string; stationCodes?: string[] },
): Promise<string> {
  const exists = await db
    .selectFrom('staff_accounts')
    .select('username')
    .where('username', '=', staff.username)
    .executeTakeFirst();
  if (!exists) {
    const now = new Date().toISOString();
    await db
      .insertInto('staff_accounts')
      .values({
        username: staff.username,
        display_name: staff.username,
        password_hash: await hashPassword(randomToken()),
        totp_secret: 'UNUSED',
        last_totp_step: null,
        department_code: staff.departmentCode ?? 'MZ-GA',
        roles: JSON.stringify(staff.roles),
        station_codes: JSON.stringify(staff.stationCodes ?? []),
        created_at: now,
        updated_at: now,
        disabled_at: null,
      })
      .execute();
  }
  const session = await createSession(db, { kind: 'staff', id: staff.username });
  return `${SESSION_COOKIE}=${session.token}`;
}

/** An `Authorization` header for a new API client holding `scopes`. */
export async function clientAuthorization(
  db: Kysely<Database>,
  client: { kind: 'department' | 'organisation'; ownerCode?: string; scopes: string[] },
): Promise<string> {
  const ownerCode =
    client.ownerCode ?? (client.kind === 'department' ? 'MZ-MZ' : makeUscc('91', '441402', 'MA4U7E50'));
  if (client.kind === 'department') await ensureDepartments(db, [ownerCode]);
  const { clientId, clientSecret } = await createClient(db, {
    kind: client.kind,
    ownerCode,
    name: 'test',
    scopes: client.scopes,
  });
  const token = await issueAccessToken(db, { clientId, clientSecret, issuer: TEST_PUBLIC_URL });
  return `Bearer ${token.access_token}`;
}

/** Headers of a kiosk device and of a resident's session on it (the holder must be in the register). */
export async function kioskHeaders(
  db: Kysely<Database>,
  idNumber: string,
): Promise<{ device: Record<string, string>; session: Record<string, string>; kioskSessionId: string }> {
  const kiosk = await createKiosk(db, { name: 'test kiosk', location: 'test hall' });
  const devices = { cardReader: simulatedCardReader, faceVerifier: simulatedFaceVerifier };
  const s = await startKioskSession(db, devices, kiosk.kioskId, { idNumber, faceMatch: true });
  return {
    device: { authorization: `Bearer ${kiosk.deviceCredential}` },
    session: { [KIOSK_SESSION_HEADER]: s.sessionToken },
    kioskSessionId: s.sessionId,
  };
}
