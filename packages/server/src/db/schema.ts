// Row types of the store, one interface per table (Kysely's Database type).
import type * as Auth from '../modules/auth/auth.schema.ts';
import type * as Verification from '../modules/verification/verification.schema.ts';

/** 部门: a department or police station. */
export interface DepartmentRow {
  code: string;
  kind: string;
  parent_code: string | null;
  name: string;
  name_en: string;
  uscc: string;
  area_code: string;
  address: string;
  phone: string;
  office_hours: string;
}

export interface JurisdictionRow {
  station_code: string;
  area_code: string;
  town: string;
}

export interface HouseholdRow {
  id_number: string;
  name: string;
  gender: 'M' | 'F';
  birth_date: string;
  ethnicity: string;
  area_code: string;
  address: string;
  household_no: string;
  relation_to_head: string;
  police_station: string;
  status: 'registered' | 'deregistered';
  dereg_reason: string | null;
  dereg_date: string | null;
}

export interface CriminalRecordRow {
  record_no: string;
  id_number: string;
  offence: string;
  judgment_date: string;
  court: string;
  sentence: string;
}

export interface WantedRow {
  record_no: string;
  id_number: string;
  case_no: string;
  issued_date: string;
  agency: string;
}

export interface DrugControlRow {
  record_no: string;
  id_number: string;
  measure: string;
  start_date: string;
  end_date: string | null;
}

export interface MarriageRow {
  record_no: string;
  kind: 'marriage' | 'divorce';
  party_a: string;
  party_b: string;
  reg_date: string;
  office: string;
}

export interface CremationRow {
  record_no: string;
  id_number: string;
  cremation_date: string;
  funeral_home: string;
}

export interface BirthCertificateRow {
  cert_no: string;
  child_id: string;
  child_name: string;
  mother_id: string;
  father_id: string | null;
  hospital: string;
  birth_date: string;
}

export interface DeathCertificateRow {
  cert_no: string;
  id_number: string;
  death_date: string;
  hospital: string;
}

export interface InsuredRow {
  id_number: string;
  employer: string;
  employer_uscc: string;
  start_date: string;
  months_paid: number;
  status: string;
}

export interface PensionerRow {
  id_number: string;
  start_date: string;
  monthly_amount_cents: number;
  status: string;
}

export interface RealEstateRow {
  cert_no: string;
  owner_id: string;
  address: string;
  area_m2: number;
  reg_date: string;
}

export interface PlatformMetaRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface SourceRegistrationRow {
  id: string;
  definition: string;
  updated_by: string;
  updated_at: string;
}

/** 用数记录: one access to a person's data. */
export interface AccessRecordRow {
  seq: number;
  at: string;
  subject_id: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  service: string;
  sources: string;
  purpose: string;
  ref: string | null;
  prev_hash: string;
  hash: string;
}

export interface AccessChainHeadRow {
  id: number;
  seq: number;
  hash: string;
}

/** 申请: one request and its outcome. */
export interface ApplicationRow {
  id: string;
  created_at: string;
  type: string;
  holder_id: string;
  requester_kind: string;
  requester_id: string;
  requester_name: string;
  relation: string;
  purpose: string;
  channel: string;
  outcome: 'issued' | 'refused' | 'referred';
  reason_zh: string | null;
  reason_en: string | null;
  issuer_code: string | null;
  certificate_id: string | null;
}

/** 证明: an issued certificate. */
export interface CertificateRow {
  id: string;
  serial: string;
  verification_code: string;
  application_id: string;
  type: string;
  issuer_code: string;
  holder_id: string;
  holder_name: string;
  requester_kind: string;
  requester_id: string;
  relation: string;
  purpose: string;
  channel: string;
  statement: string;
  statement_text: string;
  issued_at: string;
  valid_until: string;
  status: 'valid' | 'revoked';
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  status_index: number;
}

export interface CertificateDocumentRow {
  certificate_id: string;
  kind: 'pdf' | 'credential' | 'qr-token';
  media_type: string;
  content: Uint8Array;
  sha256: string;
}

export interface SerialCounterRow {
  issuer_code: string;
  year: number;
  last: number;
}

export interface OutboxRow {
  id: string;
  created_at: string;
  topic: string;
  payload: string;
  available_at: string;
  attempts: number;
  delivered_at: string | null;
  last_error: string | null;
}

export interface InboxNoticeRow {
  id: string;
  event_id: string;
  created_at: string;
  department_code: string;
  kind: string;
  certificate_id: string;
  serial: string;
  type: string;
  holder_masked_name: string;
  holder_masked_id: string;
  summary: string;
  read_at: string | null;
  read_by: string | null;
}

/** A signing key: root CA, a department's PDF certificate, credential or QR-token key. */
export interface SigningKeyRow {
  kid: string;
  department_code: string;
  purpose: 'root-ca' | 'pdf' | 'credential' | 'qr';
  algorithm: 'ES256' | 'EdDSA';
  public_key_pem: string;
  certificate_pem: string | null;
  private_key_enc: string;
  status: 'active' | 'retired';
  created_at: string;
  retired_at: string | null;
}

/** The whole store. */
export interface Database {
  departments: DepartmentRow;
  jurisdictions: JurisdictionRow;
  src_household: HouseholdRow;
  src_criminal_record: CriminalRecordRow;
  src_wanted: WantedRow;
  src_drug_control: DrugControlRow;
  src_marriage: MarriageRow;
  src_cremation: CremationRow;
  src_birth_certificate: BirthCertificateRow;
  src_death_certificate: DeathCertificateRow;
  src_insured: InsuredRow;
  src_pensioner: PensionerRow;
  src_real_estate: RealEstateRow;
  platform_meta: PlatformMetaRow;
  sources: SourceRegistrationRow;
  access_records: AccessRecordRow;
  access_chain_head: AccessChainHeadRow;
  applications: ApplicationRow;
  certificates: CertificateRow;
  certificate_documents: CertificateDocumentRow;
  serial_counters: SerialCounterRow;
  outbox: OutboxRow;
  inbox_notices: InboxNoticeRow;
  auth_keys: Auth.AuthKeyRow;
  resident_accounts: Auth.ResidentAccountRow;
  resident_pending: Auth.ResidentPendingRow;
  staff_accounts: Auth.StaffAccountRow;
  auth_sessions: Auth.AuthSessionRow;
  oauth_clients: Auth.OAuthClientRow;
  kiosks: Auth.KioskRow;
  kiosk_sessions: Auth.KioskSessionRow;
  idempotency_keys: Auth.IdempotencyKeyRow;
  dev_sms_outbox: Auth.DevSmsRow;
  signing_keys: SigningKeyRow;
  verification_events: Verification.VerificationEventRow;
  certificate_revocations: Verification.CertificateRevocationRow;
}
