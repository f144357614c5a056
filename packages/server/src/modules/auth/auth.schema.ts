// Row types of the identity tables (migration 020-auth), joined into the store's `Database`.

/** A server secret created on first use (JWT signing key, one-time-code HMAC key). */
export interface AuthKeyRow {
  name: string;
  secret: string;
  created_at: string;
}

/** A resident's account, bound to one household-register entry. */
export interface ResidentAccountRow {
  id: string;
  id_number: string;
  phone: string;
  password_hash: string;
  created_at: string;
  password_changed_at: string;
  disabled_at: string | null;
}

/** A registration waiting for its one-time code. */
export interface ResidentPendingRow {
  id: string;
  id_number: string;
  phone: string;
  code_hash: string;
  matched: number;
  attempts: number;
  created_at: string;
  expires_at: string;
}

/** A staff member: password + TOTP, roles, department, police stations (辖区). */
export interface StaffAccountRow {
  username: string;
  display_name: string;
  password_hash: string;
  totp_secret: string;
  last_totp_step: number | null;
  department_code: string;
  roles: string;
  station_codes: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

/** A browser session (resident or staff); the token itself is never stored. */
export interface AuthSessionRow {
  id: string;
  token_hash: string;
  subject_kind: 'resident' | 'staff';
  subject_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

/** An OAuth 2 client-credentials client: a department system or an organisation. */
export interface OAuthClientRow {
  client_id: string;
  kind: 'department' | 'organisation';
  owner_code: string;
  name: string;
  secret_hash: string;
  scopes: string;
  created_at: string;
  tokens_valid_after: string;
  disabled_at: string | null;
}

/** A self-service kiosk (证明自助一体机) and the hash of its device credential. */
export interface KioskRow {
  kiosk_id: string;
  name: string;
  location: string;
  secret_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** One resident's turn at a kiosk. */
export interface KioskSessionRow {
  id: string;
  token_hash: string;
  kiosk_id: string;
  id_number: string;
  started_at: string;
  last_seen_at: string;
  ended_at: string | null;
  end_reason: string | null;
}

/** A stored answer for (caller, Idempotency-Key). */
export interface IdempotencyKeyRow {
  principal_hash: string;
  idem_key: string;
  request_hash: string;
  state: 'pending' | 'done';
  response_status: number | null;
  response_type: string | null;
  response_body: string | null;
  created_at: string;
}

/** A text message in the development SMS outbox. */
export interface DevSmsRow {
  id: string;
  phone: string;
  text: string;
  purpose: string;
  created_at: string;
}
